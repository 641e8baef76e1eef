import java.nio.file.Files
import java.util.concurrent.TimeUnit

// The README's expected output, then what each build printed.
def readme = new File(readmeFile.toString()).getText('UTF-8')
def expected = (readme =~ /(?s)<!-- quickstart:output -->\s*```[a-z]*\n(.*?)```/)[0][1]
def log = new File(basedir, 'build.log').text
assert log.contains(expected) : "mvn exec:java did not print ${expected}"
assert log =~ /Tests run: [1-9]\d*, Failures: 0, Errors: 0, Skipped: 0/
assert !log.contains('AsyncUsageException')

// The java commands, run by a shell with a home directory whose ~/.m2/repository is the local
// repository this test built with (what `mvn install` of coro4j makes on a user's machine).
def home = new File(basedir, 'target/home')
new File(home, '.m2').mkdirs()
def repository = new File(home, '.m2/repository').toPath()
if (!Files.exists(repository)) {
    Files.createSymbolicLink(repository, new File(localRepositoryPath.toString()).toPath())
}
def commands = new File(basedir, 'commands.txt').readLines().findAll { it }
assert commands.size() >= 2 : 'the README shows how to run the program with java and with the agent'
commands.each { command ->
    def builder = new ProcessBuilder('bash', '-c', command).directory(basedir).redirectErrorStream(true)
    builder.environment().put('HOME', home.path)
    builder.environment().put('PATH', new File(System.getProperty('java.home'), 'bin').path + File.pathSeparator
            + System.getenv('PATH'))
    def process = builder.start()
    def output = process.inputStream.getText('UTF-8')
    assert process.waitFor(60, TimeUnit.SECONDS) : "${command} did not finish"
    assert process.exitValue() == 0 : "${command} failed:\n${output}"
    assert output == expected : "${command} printed:\n${output}\nnot:\n${expected}"
}
true
