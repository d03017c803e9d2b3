//! Independent work on a second thread, when one can be had.

/// Runs `side` on a scoped thread while `main` runs on this one, and
/// returns both results. When no thread can be started, or the side thread
/// panics, `side` runs here instead: the work is done either way.
pub(crate) fn beside<A: Send, B>(side: &(impl Fn() -> A + Sync), main: impl FnOnce() -> B) -> (A, B) {
    std::thread::scope(|s| {
        let handle = std::thread::Builder::new().spawn_scoped(s, side);
        let b = main();
        let a = match handle {
            Ok(h) => h.join().unwrap_or_else(|_| side()),
            Err(_) => side(),
        };
        (a, b)
    })
}
