// Real coroutines: fibers with their own stacks, switched by hand on one thread. One
// implementation with two back ends for the switch itself: Emscripten's Asyncify fibers
// (emscripten_fiber_swap) in the browser, and natively a switch of the registers a call
// preserves (x86-64; ucontext's swapcontext on other CPUs). Everything above the switch, the
// round-robin scheduler and the probes, is shared.
//
// Under Emscripten an Asyncify switch unwinds the wasm stack up to the JS frame that called in,
// so a scheduler runs on a thread of its own whose entry reaches it without JS frames between
// (no C++ exception wrappers on the way): run_fibers starts that thread itself.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace real {

class FiberScheduler;

// What a fiber runs: body(scheduler, its index, arg). It yields with scheduler.yield().
using FiberBody = void (*)(FiberScheduler& scheduler, int index, void* arg);

// The back end in words: "Asyncify fibers", "x86-64 register switch" or "ucontext".
const char* fiber_back_end();

struct FiberContext; // the back end's saved registers and stack (fiber.cpp)

// Round robin over its fibers on the calling thread: run() resumes each live fiber in turn
// until every one has returned. A fiber's yield() switches back to the scheduler, so one
// yield is two switches.
class FiberScheduler {
public:
    explicit FiberScheduler(size_t stack_bytes);
    ~FiberScheduler();
    FiberScheduler(const FiberScheduler&) = delete;
    FiberScheduler& operator=(const FiberScheduler&) = delete;

    // A new fiber, started by the next run(); its index counts from 0.
    int spawn(FiberBody body, void* arg);
    void run();
    void yield();              // only from inside a fiber
    int current() const { return current_; }
    int64_t switches() const { return switches_; }
    int finished() const { return finished_; }
    // The memory the fibers hold: their stacks and control blocks.
    size_t bytes() const;

private:
    struct Fiber;
    static void enter(void* fiber);
    void switch_to(FiberContext& from, FiberContext& to);

    size_t stack_bytes_;
    std::unique_ptr<FiberContext> scheduler_context_;
    std::vector<std::unique_ptr<Fiber>> fibers_;
    int current_ = -1;
    int finished_ = 0;
    int64_t switches_ = 0;
};

// Stack sizes: a general fiber, and the smallest one the probes' bodies fit in (they call
// nothing but yield), for many fibers at once.
inline constexpr size_t kFiberStackBytes = 64 * 1024;
inline constexpr size_t kSmallFiberStackBytes = 4 * 1024;

struct FiberRunSpec {
    int fibers = 2;
    int yields_each = 1000;
    size_t stack_bytes = kSmallFiberStackBytes;
    bool record_order = false; // keep which fiber ran at each step (tests, small runs)
};

struct FiberRunResult {
    int finished = 0;          // fibers that ran to their end
    int64_t switches = 0;
    double seconds = 0;        // from the first switch to the last fiber's end
    size_t bytes = 0;          // fibers' stacks and control blocks, all alive at once
    std::vector<int> order;    // with record_order: the fiber index at each resumption
};

// Runs `fibers` fibers that each yield `yields_each` times, on a fresh thread, and measures it.
FiberRunResult run_fibers(const FiberRunSpec& spec);

} // namespace real
