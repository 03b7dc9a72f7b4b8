import Foundation

#if !MHUB_LIBFUZZER
/// `mhub-fuzz`: the mutation harness (see ``MutationRun``); built with libFuzzer instead,
/// libFuzzer provides `main` and calls ``fuzzOneInput(_:_:)``.
@main
enum FuzzMain {
    static func main() {
        exit(MutationRun.main(Array(CommandLine.arguments.dropFirst())))
    }
}
#endif
