// Fibers (fiber.h).
//
// Index:
//   Back ends      FiberContext and its switch: Asyncify fibers in the browser; natively a
//                  register switch on x86-64, ucontext elsewhere
//   Scheduler      spawn, run, yield
//   run_fibers     the probe: many fibers yielding on a thread of their own
#include "real/fiber.h"

#include <chrono>
#include <cstdint>

#include "real/own_thread.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/fiber.h>
#elif !defined(__x86_64__)
#include <ucontext.h>
#endif

namespace real {

// ----------------------------------------------------------------------------------------------
// Back ends
// ----------------------------------------------------------------------------------------------

#ifdef __EMSCRIPTEN__

// An Asyncify fiber: its C stack, and the buffer where its wasm call stack is kept while it is
// switched out (Asyncify unwinds the stack into it and rewinds from it).
struct FiberContext {
    emscripten_fiber_t fiber{};
    std::unique_ptr<char[]> memory;
};

// The wasm call stack of the probes' bodies (enter, body, yield, switch) unwinds into far less.
constexpr size_t kAsyncifyBytes = 1024;
// The scheduler's own context is the thread's stack, with a deeper call chain above it.
constexpr size_t kSchedulerAsyncifyBytes = 8 * 1024;

static void init_current_context(FiberContext& context) {
    context.memory = std::make_unique<char[]>(kSchedulerAsyncifyBytes);
    emscripten_fiber_init_from_current_context(&context.fiber, context.memory.get(), kSchedulerAsyncifyBytes);
}

static void init_context(FiberContext& context, size_t stack_bytes, void (*entry)(void*), void* arg) {
    const size_t c_stack = stack_bytes > 2 * kAsyncifyBytes ? stack_bytes - kAsyncifyBytes : stack_bytes / 2;
    context.memory = std::make_unique<char[]>(stack_bytes);
    emscripten_fiber_init(&context.fiber, entry, arg, context.memory.get(), c_stack, context.memory.get() + c_stack,
                          stack_bytes - c_stack);
}

static void swap_context(FiberContext& from, FiberContext& to) { emscripten_fiber_swap(&from.fiber, &to.fiber); }

const char* fiber_back_end() { return "Asyncify fibers"; }

#elif defined(__x86_64__)

// x86-64 natively: a switch of our own. swapcontext would also save and restore the signal mask,
// a system call each time, which costs more than the rest of the switch many times over. A
// switch is a call, so only the registers a call must preserve need saving (System V ABI):
// pushed on the old stack, the stack pointer swapped, popped from the new one.
extern "C" void threadlab_real_switch(void** save_sp, void* load_sp);
extern "C" void threadlab_real_fiber_start();
asm(R"(
    .text
    .globl threadlab_real_switch
    .type threadlab_real_switch, @function
threadlab_real_switch:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size threadlab_real_switch, .-threadlab_real_switch

    .globl threadlab_real_fiber_start
    .type threadlab_real_fiber_start, @function
threadlab_real_fiber_start:
    movq %r12, %rdi
    callq *%r13
    ud2
    .size threadlab_real_fiber_start, .-threadlab_real_fiber_start
)");

struct FiberContext {
    void* sp = nullptr;
    std::unique_ptr<char[]> memory;
};

static void init_current_context(FiberContext&) {} // its sp is saved by the first switch

// A new fiber's stack looks as a switch left it: six saved registers, r12 holding the entry's
// argument and r13 the entry, and the start routine as the return address, placed so that the
// entry is called with the stack aligned to 16 bytes as the ABI wants.
static void init_context(FiberContext& context, size_t stack_bytes, void (*entry)(void*), void* arg) {
    context.memory = std::make_unique<char[]>(stack_bytes);
    const uintptr_t top = (reinterpret_cast<uintptr_t>(context.memory.get()) + stack_bytes) & ~uintptr_t{15};
    void** slot = reinterpret_cast<void**>(top - 16);
    *--slot = reinterpret_cast<void*>(threadlab_real_fiber_start); // ret
    *--slot = nullptr;                                             // rbp
    *--slot = nullptr;                                             // rbx
    *--slot = arg;                                                 // r12
    *--slot = reinterpret_cast<void*>(entry);                      // r13
    *--slot = nullptr;                                             // r14
    *--slot = nullptr;                                             // r15
    context.sp = slot;
}

static void swap_context(FiberContext& from, FiberContext& to) { threadlab_real_switch(&from.sp, to.sp); }

const char* fiber_back_end() { return "x86-64 register switch"; }

#else

// Any other CPU natively: ucontext.
struct FiberContext {
    ucontext_t context{};
    std::unique_ptr<char[]> memory;
};

static void init_current_context(FiberContext& context) { getcontext(&context.context); }

// makecontext passes only ints: the entry's argument travels as two halves.
static thread_local void (*g_entry_for_trampoline)(void*) = nullptr;
static void trampoline(unsigned high, unsigned low) {
    void* arg = reinterpret_cast<void*>((uintptr_t(high) << 32) | uintptr_t(low));
    g_entry_for_trampoline(arg);
}

static void init_context(FiberContext& context, size_t stack_bytes, void (*entry)(void*), void* arg) {
    context.memory = std::make_unique<char[]>(stack_bytes);
    getcontext(&context.context);
    context.context.uc_stack.ss_sp = context.memory.get();
    context.context.uc_stack.ss_size = stack_bytes;
    context.context.uc_link = nullptr; // a fiber never returns from its entry: it switches out
    g_entry_for_trampoline = entry;    // the same function for every fiber (FiberScheduler::enter)
    const uintptr_t bits = reinterpret_cast<uintptr_t>(arg);
    makecontext(&context.context, reinterpret_cast<void (*)()>(trampoline), 2, unsigned(bits >> 32),
                unsigned(bits & 0xffffffffu));
}

static void swap_context(FiberContext& from, FiberContext& to) { swapcontext(&from.context, &to.context); }

const char* fiber_back_end() { return "ucontext"; }

#endif

// ----------------------------------------------------------------------------------------------
// Scheduler
// ----------------------------------------------------------------------------------------------

struct FiberScheduler::Fiber {
    FiberScheduler* scheduler = nullptr;
    int index = 0;
    FiberBody body = nullptr;
    void* arg = nullptr;
    bool done = false;
    FiberContext context;
};

FiberScheduler::FiberScheduler(size_t stack_bytes)
    : stack_bytes_(stack_bytes), scheduler_context_(std::make_unique<FiberContext>()) {}

FiberScheduler::~FiberScheduler() = default;

int FiberScheduler::spawn(FiberBody body, void* arg) {
    auto fiber = std::make_unique<Fiber>();
    fiber->scheduler = this;
    fiber->index = int(fibers_.size());
    fiber->body = body;
    fiber->arg = arg;
    init_context(fiber->context, stack_bytes_, &FiberScheduler::enter, fiber.get());
    fibers_.push_back(std::move(fiber));
    return fibers_.back()->index;
}

// A fiber's first frame: its body, then back to the scheduler for good.
void FiberScheduler::enter(void* opaque) {
    Fiber& fiber = *static_cast<Fiber*>(opaque);
    fiber.body(*fiber.scheduler, fiber.index, fiber.arg);
    fiber.done = true;
    ++fiber.scheduler->finished_;
    fiber.scheduler->switch_to(fiber.context, *fiber.scheduler->scheduler_context_);
}

void FiberScheduler::switch_to(FiberContext& from, FiberContext& to) {
    ++switches_;
    swap_context(from, to);
}

void FiberScheduler::run() {
    init_current_context(*scheduler_context_);
    for (bool any_live = true; any_live;) {
        any_live = false;
        for (const std::unique_ptr<Fiber>& fiber : fibers_) {
            if (fiber->done)
                continue;
            current_ = fiber->index;
            switch_to(*scheduler_context_, fiber->context);
            any_live = any_live || !fiber->done;
        }
    }
    current_ = -1;
}

void FiberScheduler::yield() { switch_to(fibers_[size_t(current_)]->context, *scheduler_context_); }

size_t FiberScheduler::bytes() const { return fibers_.size() * (sizeof(Fiber) + stack_bytes_); }

// ----------------------------------------------------------------------------------------------
// run_fibers
// ----------------------------------------------------------------------------------------------

namespace {

struct FiberRun {
    const FiberRunSpec* spec = nullptr;
    FiberRunResult* result = nullptr;
};

void yield_repeatedly(FiberScheduler& scheduler, int index, void* arg) {
    FiberRun& run = *static_cast<FiberRun*>(arg);
    for (int i = 0; i < run.spec->yields_each; ++i) {
        if (run.spec->record_order)
            run.result->order.push_back(index);
        scheduler.yield();
    }
}

void run_fibers_here(void* arg) {
    FiberRun& run = *static_cast<FiberRun*>(arg);
    FiberScheduler scheduler(run.spec->stack_bytes);
    for (int i = 0; i < run.spec->fibers; ++i)
        scheduler.spawn(yield_repeatedly, &run);
    const auto start = std::chrono::steady_clock::now();
    scheduler.run();
    run.result->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    run.result->finished = scheduler.finished();
    run.result->switches = scheduler.switches();
    run.result->bytes = scheduler.bytes();
}

} // namespace

FiberRunResult run_fibers(const FiberRunSpec& spec) {
    FiberRunResult result;
    if (spec.record_order)
        result.order.reserve(size_t(spec.fibers) * size_t(spec.yields_each));
    FiberRun run{&spec, &result};
    run_on_own_thread(run_fibers_here, &run); // without a thread, nothing finished
    return result;
}

} // namespace real
