// Builds this project from the README: every code block marked <!-- quickstart:PATH --> is
// written to PATH; the blocks marked <!-- quickstart:commands --> are the commands to run: the
// mvn ones must be this project's invoker goals, and verify.groovy runs the others.
def readme = new File(readmeFile.toString()).getText('UTF-8')
def blocks = (readme =~ /(?s)<!-- quickstart:(\S+) -->\s*```[a-z]*\n(.*?)```/).collect { [it[1], it[2]] }
assert blocks.any { it[0] == 'pom.xml' } : 'README.md has no block marked <!-- quickstart:pom.xml -->'

def commands = []
blocks.each { name, text ->
    if (name == 'commands') {
        commands.addAll(text.readLines().collect { it.replaceFirst(/\s+#.*$/, '').trim() }.findAll { it })
    } else if (name != 'output') {
        def file = new File(basedir, name)
        file.parentFile.mkdirs()
        file.setText(text, 'UTF-8')
    }
}

def pom = new File(basedir, 'pom.xml').text
assert pom.contains("<coro4j.version>${projectVersion}</coro4j.version>") :
        "the README's pom.xml must use the version this build makes, ${projectVersion}"

def properties = new Properties()
new File(basedir, 'invoker.properties').withReader { properties.load(it) }
def goals = (1..properties.size()).collect { properties.getProperty("invoker.goals.${it}") }.findAll { it }
def mavenCommands = commands.findAll { it.startsWith('mvn ') }.collect { it.substring(4) }
assert mavenCommands == goals : "the README's Maven commands ${mavenCommands} are not the ones this test runs ${goals}:" +
        ' update integration-tests/src/it/readme-quickstart/invoker.properties'
def others = commands.findAll { !it.startsWith('mvn ') }
assert others.every { it.startsWith('java ') } : "unexpected commands in the README's Quick start: ${others}"
new File(basedir, 'commands.txt').setText(others.join('\n'), 'UTF-8')
true
