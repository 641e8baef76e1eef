def log = new File(basedir, 'build.log').text
def builds = log.split(/BUILD FAILURE/)
assert builds.length == 2 : "expected the first build to fail and the second to pass"
def failed = builds[0]
def warned = builds[1]

// javac's format, relative to the project, one [ERROR] line per problem
assert failed =~ /(?m)^\[ERROR\] src\/main\/java\/com\/acme\/app\/Misuse\.java:11: \S.*$/
assert failed =~ /(?m)^\[ERROR\] src\/main\/java\/com\/acme\/app\/Misuse\.java:15: \S.*$/
// a declaration problem is put on the line that declares the method, found in the source
assert failed =~ /(?m)^\[ERROR\] src\/main\/java\/com\/acme\/app\/Misuse\.java:19: @Async method Misuse\.third\(\) is synchronized: .*$/
// no stack trace of the plugin or the instrumenter
assert !(log =~ /(?m)^\s+at org\.coro4j\./)
assert !log.contains('InstrumentationException')
// every other class was still instrumented, so that one build reports every problem
assert failed =~ /\[INFO\] coro4j: instrumented 1 methods in 1 classes \(\d+ ms\)/

// failOnError=false: the same problems become warnings and the build passes
assert warned =~ /(?m)^\[WARNING\] src\/main\/java\/com\/acme\/app\/Misuse\.java:11: \S.*$/
assert warned =~ /(?m)^\[WARNING\] src\/main\/java\/com\/acme\/app\/Misuse\.java:15: \S.*$/
assert warned.contains('BUILD SUCCESS')
true
