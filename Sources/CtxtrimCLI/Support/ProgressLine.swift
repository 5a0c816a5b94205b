import ContextWalker
import CtxtrimCore
import Dispatch

/// Shows "entries and bytes so far" on stderr while a walk runs longer than half a second, only on a terminal.
final class ProgressLine: @unchecked Sendable {
    private let progress: WalkProgress
    private let timer: DispatchSourceTimer?
    private var shown = false

    init(progress: WalkProgress, enabled: Bool) {
        self.progress = progress
        guard enabled else {
            timer = nil
            return
        }
        let timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "ctxtrim.progress"))
        self.timer = timer
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(100))
        timer.setEventHandler { [unowned self] in
            self.shown = true
            Console.standardError.writeNow(
                "\r\u{1B}[2K  walking: \(TextLayout.grouped(self.progress.entries)) entries, "
                    + ByteCount.format(self.progress.bytes))
        }
        timer.resume()
    }

    /// Stops the timer and erases the line if it was shown.
    func finish() {
        guard let timer else { return }
        let done = DispatchSemaphore(value: 0)
        timer.setCancelHandler { done.signal() }
        timer.cancel()
        done.wait()
        if shown { Console.standardError.writeNow("\r\u{1B}[2K") }
    }
}
