from lnrev.cli import main

main()
