def log = new File(basedir, 'build.log').text

assert log.contains('demo says: A Message + Another')
assert log =~ /\[INFO\] coro4j: instrumented 2 methods in 1 classes \(\d+ ms\)/
assert log =~ /\[INFO\] coro4j: instrumented 1 methods in 1 classes \(\d+ ms\)/
assert log.contains('coro4j: com/acme/Demo.class: 2 coroutine methods')
assert !log.contains('legacy/Misuse')
assert new File(basedir, 'target/coro4j/instrument.state').isFile()
assert new File(basedir, 'target/coro4j/instrument-tests.state').isFile()
true
