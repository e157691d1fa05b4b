package io.github.cxmetrics.cli;

/** The command line asks for something that cannot be done: an unknown column, a bad option value. Exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
