def log = new File(basedir, 'build.log').text
// one segment per build, in order
def builds = log.split(/BUILD SUCCESS/)
assert builds.length == 4 : "expected three successful builds"

def summary = { String build -> (build =~ /coro4j: instrumented (\d+) methods in (\d+) classes \(\d+ ms\)/)[0] }

// 1. a fresh build instruments both classes
assert summary(builds[0])[1] == '2' && summary(builds[0])[2] == '2'
assert builds[0].contains('coro4j: com/acme/First.class: 1 coroutine methods')
assert builds[0].contains('coro4j: com/acme/Second.class: 1 coroutine methods')

// 2. nothing recompiled: nothing read, nothing written
assert summary(builds[1])[1] == '0' && summary(builds[1])[2] == '0'
assert !builds[1].contains('coroutine methods, wrote')

// 3. Second.java edited: javac rewrites Second.class only, and only it is instrumented again
assert summary(builds[2])[1] == '2' && summary(builds[2])[2] == '1'
assert builds[2].contains('coro4j: com/acme/Second.class: 2 coroutine methods')
assert !builds[2].contains('com/acme/First.class')

def classes = new File(basedir, 'target/classes/com/acme')
assert new File(classes, 'Second.class').lastModified() > new File(classes, 'First.class').lastModified()
true
