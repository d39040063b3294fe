import ArgumentParser
import TwitchCheckKit

// The library's own vocabularies, taken as command-line values as they are: the CLI declares
// no copies of them (ArgumentParser stays out of the library).

extension Severity: ExpressibleByArgument {}
extension BatchOptions.OutputFormat: ExpressibleByArgument {}
extension BatchInputLayout: ExpressibleByArgument {}
extension RowFormat: ExpressibleByArgument {}
