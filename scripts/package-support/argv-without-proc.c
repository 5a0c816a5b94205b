/* Hands the process arguments to the Swift runtime at start-up, for the portable ctxtrim binary only
 * (scripts/package links this object; the normal build does not).
 *
 * On Linux the Swift runtime finds argv by reading /proc/self/maps and walking back from `environ` on the stack
 * (swift/stdlib/public/CommandLineSupport/CommandLine.cpp), so where /proc is not mounted, a bare chroot or a
 * minimal sandbox, CommandLine.arguments comes back empty and every command line reads as no arguments at all.
 * glibc calls each ELF constructor with (argc, argv, envp); this one passes them to the runtime's documented
 * override, which CommandLine prefers to its own search. */
extern void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc);

__attribute__((constructor)) static void ctxtrim_capture_arguments(int argc, char **argv, char **envp) {
    (void)envp;
    if (argv != 0 && argc > 0) _swift_stdlib_overrideUnsafeArgvArgc(argv, argc);
}
