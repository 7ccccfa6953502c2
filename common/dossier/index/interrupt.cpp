#include "dossier/index/interrupt.h"

#include <atomic>
#include <csignal>

namespace dossier {
namespace {

// The one file-static mutable object of the indexer, because a signal handler can reach
// nothing else: it takes no argument, and only a lock-free atomic may be written from it.
// It is written only by the handler and by install_interrupt_handlers(), read by the
// pipeline's threads through interrupt_signal(). (A volatile sig_atomic_t serves a handler
// and the thread it interrupts, not other threads: ThreadSanitizer reported the race.)
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free,
              "a signal handler may only use lock-free atomics");

extern "C" void record_signal(int signal_number) {
  g_signal.store(signal_number);
}

}  // namespace

void install_interrupt_handlers() {
  g_signal.store(0);
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight go on; the pipeline polls
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() {
  return g_signal.load();
}

}  // namespace dossier
