// Runs dynalite (in memory) for huzhu's tests: `node start.js --port <port> [dynalite options]`.
// Exits when the JVM that started it goes away, even if that JVM was killed: its end of stdin closes.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
require('dynalite/cli.js')
