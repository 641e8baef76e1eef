def log = new File(basedir, 'build.log').text

// lib's coroutine, instrumented in lib, is awaited by app's coroutine, instrumented in app
assert log.contains('app says: Hello, app / Hello, lib in 2.0 s')
def summaries = log.findAll(/coro4j: instrumented (\d+) methods in (\d+) classes/)
// the aggregator has no classes; lib and app have one coroutine each
assert summaries == ['coro4j: instrumented 0 methods in 0 classes',
                     'coro4j: instrumented 1 methods in 1 classes',
                     'coro4j: instrumented 1 methods in 1 classes']
true
