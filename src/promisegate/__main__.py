"""`python -m promisegate` is the same as the `promisegate` command."""

from promisegate.cli import main

main()
