#include "dossier/cli/cli_errors.h"

#include <iostream>
#include <new>

#include <xapian.h>

#include "dossier/base/errors.h"

namespace dossier {

int run_reporting_errors(std::string_view program, const std::function<int()>& body) {
  try {
    return body();
  } catch (const Error& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return static_cast<int>(e.exit_code());
  } catch (const Xapian::Error& e) {
    std::cerr << program << ": " << e.get_description() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  } catch (const std::bad_alloc&) {
    std::cerr << program << ": out of memory\n";
    return static_cast<int>(ExitCode::kInternal);
  } catch (const std::exception& e) {
    std::cerr << program << ": " << e.what() << "\n";
    return static_cast<int>(ExitCode::kInternal);
  }
}

}  // namespace dossier
