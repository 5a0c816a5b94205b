import CtxtrimCLI

DockerPlugin.main(CommandLine.arguments)
