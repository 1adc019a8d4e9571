"""Reading files: case files and logic files, read safely and checked, every problem one line with its fix."""
