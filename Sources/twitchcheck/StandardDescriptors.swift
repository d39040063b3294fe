import Foundation

/// Makes sure descriptors 0, 1 and 2 are open before anything else is.
///
/// Started with one of them closed (`2>&-`), the next file opened would take its number: a
/// batch's output file would become "standard error" and receive the summary. Each closed one is
/// given /dev/null opened the wrong way round (standard input for writing, the outputs for
/// reading), so it holds the number while reads and writes on it still fail as on a closed one:
/// a command that writes its report to a closed standard output still exits 2 and says so.
enum StandardDescriptors {
    static func ensureOpen() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", descriptor == STDIN_FILENO ? O_WRONLY : O_RDONLY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
    }
}
