def log = new File(basedir, 'build.log').text

// the misused class would fail the build: skipping leaves every class alone
assert log.contains('[INFO] coro4j: instrumentation skipped (coro4j.skip)')
assert log.contains('BUILD SUCCESS')
assert !log.contains('coro4j: instrumented')
assert !new File(basedir, 'target/coro4j').exists()
true
