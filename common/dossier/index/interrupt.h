// SIGINT/SIGTERM during indexing: the handler only records the signal; the pipeline polls
// it, stops reading input, writes and commits what is in flight, and the binary exits
// with 128 + the signal number (130 for SIGINT, 143 for SIGTERM).
#pragma once

namespace dossier {

// Installs the handlers (for the lifetime of the process) and clears any earlier signal.
void install_interrupt_handlers();

// The signal received since install_interrupt_handlers(), or 0.
int interrupt_signal();

}  // namespace dossier
