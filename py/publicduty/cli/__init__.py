"""The command line: parse the arguments, run one command (an analysis), print what it renders."""
