#include "dossier/index/interrupt.h"

#include <csignal>

namespace dossier {
namespace {

// The one file-static mutable object of the indexer, because a signal handler can reach
// nothing else: it takes no argument, and only a lock-free atomic (or volatile
// sig_atomic_t) may be written from it. It is written only by the handler and by
// install_interrupt_handlers(), read by the pipeline through interrupt_signal().
volatile std::sig_atomic_t g_signal = 0;

extern "C" void record_signal(int signal_number) {
  g_signal = signal_number;
}

}  // namespace

void install_interrupt_handlers() {
  g_signal = 0;
  struct sigaction action {};
  action.sa_handler = record_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;  // reads and writes in flight go on; the pipeline polls
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int interrupt_signal() {
  return g_signal;
}

}  // namespace dossier
