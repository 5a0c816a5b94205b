import CtxtrimCLI

CtxtrimCommand.main()
