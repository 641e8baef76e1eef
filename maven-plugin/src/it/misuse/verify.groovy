def log = new File(basedir, 'build.log').text

// javac's format, relative to the project, one [ERROR] line per problem
assert log =~ /(?m)^\[ERROR\] src\/main\/java\/com\/acme\/app\/Misuse\.java:9: \S.*$/
assert log =~ /(?m)^\[ERROR\] src\/main\/java\/com\/acme\/app\/Misuse\.java:13: \S.*$/
assert log.contains('BUILD FAILURE')
// no stack trace of the plugin or the instrumenter
assert !(log =~ /(?m)^\s+at org\.coro4j\./)
assert !log.contains('InstrumentationException')
// every other class was still instrumented, so that one build reports every problem
assert log =~ /\[INFO\] coro4j: instrumented 1 methods in 1 classes \(\d+ ms\)/
true
