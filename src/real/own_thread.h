// A function run on a fresh thread of its own, the caller waiting for it: the home of a fiber
// scheduler (see fiber.h for why Asyncify needs one).
#pragma once

namespace real {

// False, without running it, when no thread can be started.
bool run_on_own_thread(void (*function)(void*), void* arg);

} // namespace real
