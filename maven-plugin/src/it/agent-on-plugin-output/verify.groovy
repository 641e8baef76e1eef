import java.util.concurrent.TimeUnit

def log = new File(basedir, 'build.log').text
def builds = log.split(/BUILD SUCCESS/)
assert builds.length >= 2 : 'expected two successful builds'
// mvn compile instrumented the main classes, although the plugin is declared before the compiler
assert builds[0] =~ /\[INFO\] coro4j: instrumented 2 methods in 1 classes \(\d+ ms\)/
// surefire ran the plugin's output with the agent in its argLine
assert builds[1] =~ /\[INFO\] coro4j: instrumented 1 methods in 1 classes \(\d+ ms\)/
assert builds[1].contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert !log.contains('ClassFormatError')

// the same classes started by java -javaagent, as an IDE run would
def repo = new File(localRepositoryPath.toString())
def version = projectVersion
def agent = new File(repo, "org/coro4j/coro4j-agent/${version}/coro4j-agent-${version}.jar")
def runtime = new File(repo, "org/coro4j/coro4j-runtime/${version}/coro4j-runtime-${version}.jar")
assert agent.isFile() : agent
def java = new File(System.getProperty('java.home'), 'bin/java').path
def classPath = new File(basedir, 'target/classes').path + File.pathSeparator + runtime.path
def process = new ProcessBuilder(java, "-javaagent:${agent}", '-cp', classPath, 'com.acme.Fetcher')
        .redirectErrorStream(true).start()
def output = process.inputStream.text
assert process.waitFor(60, TimeUnit.SECONDS)
assert process.exitValue() == 0 : output
assert output == "fetched ab at 2.0${System.lineSeparator()}" : output
true
