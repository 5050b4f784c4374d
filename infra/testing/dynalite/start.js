// Runs dynalite (in memory) for huzhu's tests: `node start.js --port <port> [dynalite options]`.
// Exits when the JVM that started it goes away, even if that JVM was killed: its end of stdin closes.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()

// dynalite throws from a request's 'error' handler, so one client going away in the middle of a request (a
// function's JVM exiting with a read still in flight, a test's timeout) ended the process, and with it every other
// test or benchmark using it. Such a request is dropped and the rest carry on; any other error still ends it.
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET') {
    console.error('dynalite: a client went away in the middle of a request (' + err.message + ')')
    return
  }
  console.error(err)
  process.exit(1)
})

require('dynalite/cli.js')
