// Kernel wait objects: the semantics of Python's threading primitives (Lock, RLock, Semaphore,
// BoundedSemaphore, Event, Condition, Barrier) and a wait queue for modules that build their
// own blocking (queue.Queue): a Condition under another name, so that a thread waiting in a
// queue's get() or put() shows as waiting on that queue. The table only decides: who gets
// what, who waits, who wakes with which result. The Machine does the blocking, the timers and
// the GIL.
//
// Rules worth knowing (chosen so that runs are deterministic and easy to follow):
// - Waiters are served in arrival order (FIFO). A released Lock/RLock/Semaphore is handed
//   straight to the first waiter, so a thread arriving later cannot barge in ahead of it.
// - As in CPython, a plain Lock may be released by any thread, and a Condition built on a plain
//   Lock counts as "owned" when that Lock is locked by anyone.
// - Condition.wait releases the lock completely (an RLock's whole depth), and on notify or
//   timeout the waiter queues for the lock again; it returns only once it holds it (with the
//   RLock depth restored).
// - A Barrier's wait returns the arrival index (0 for the first to arrive); a timeout or abort
//   breaks it and every waiter gets BrokenBarrierError.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>
#include "machine/sim_time.h"

namespace machine {

enum class SyncKind : uint8_t { Lock, RLock, Semaphore, BoundedSemaphore, Event, Condition, Barrier, WaitQueue };

enum class SyncOp : uint8_t {
    Acquire,  // Lock, RLock, Semaphore: result 1 when taken, 0 when a non-blocking try failed
    Release,  // Lock, RLock; Semaphore `count` times
    Wait,     // Event (result: the flag), Condition (1 notified, 0 timed out), Barrier (arrival
              // index), WaitQueue (1 woken, 0 timed out)
    Set,      // Event
    Clear,    // Event
    Notify,   // Condition, WaitQueue: wake `count` waiters, all of them when count < 0
    Abort,    // Barrier: break it
    Reset,    // Barrier: empty it again; threads waiting now get BrokenBarrierError
};

// Errors are values: the interpreter turns them into the Python exception named here.
enum class KernelError : uint8_t {
    None,
    ReleaseUnlocked,    // Lock.release() of an unlocked lock
    ReleaseUnowned,     // RLock.release() by a thread that does not hold it
    WaitUnowned,        // Condition.wait() without holding its lock
    NotifyUnowned,      // Condition.notify() without holding its lock
    SemaphoreOverflow,  // BoundedSemaphore released above its initial value
    BrokenBarrier,
    JoinSelf,           // a thread joining itself
    WrongObject,        // the operation does not apply to this object: a caller's bug
    ThreadLimit,        // the process has MachineConfig::max_threads live threads already
};
const char* kernel_error_exception(KernelError error);  // "RuntimeError", "ValueError", ...
const char* kernel_error_message(KernelError error);    // CPython's message text

// What a kernel request gives back to the thread that made it.
struct KernelResult {
    KernelError error = KernelError::None;
    int64_t value = 0;
};

const char* sync_kind_name(SyncKind kind);  // "Lock", "RLock", ... (Python's class names)
const char* sync_op_name(SyncOp op);        // "acquire", "release", ...

struct SyncWaiter {
    ThreadId thread = kNoThread;
    int64_t arrival_index = 0;     // Barrier: what wait() returns to this thread
    int64_t restore_depth = 1;     // re-taking an RLock after Condition.wait: the depth it had
    bool after_condition = false;  // queued on a lock to finish a Condition.wait
    int64_t condition_result = 0;  // ... which then returns this (1 notified, 0 timed out)
};

struct SyncObject {
    SyncKind kind = SyncKind::Lock;
    ThreadId owner = kNoThread;  // Lock: who took it while locked; RLock: the holder
    int64_t count = 0;           // Lock: 1 when locked; RLock: depth; Semaphore: value;
                                 // Event: the flag; Barrier: threads arrived this round
    int64_t limit = 0;           // BoundedSemaphore: initial value; Barrier: parties
    SyncId lock = kNoSync;       // Condition, WaitQueue: the Lock or RLock it is built on
    bool broken = false;         // Barrier
    // A vector, not a deque: every threading.Thread makes an Event, so a program that starts
    // 100 000 threads has as many objects, nearly all with no waiter; an empty vector allocates
    // nothing (a deque takes over 500 bytes), and a queue is at most the live threads.
    std::vector<SyncWaiter> waiters;
};

// Side effects of one operation on other threads, applied by the Machine.
struct SyncWake {
    ThreadId thread = kNoThread;
    KernelResult result;
};
struct SyncMove {  // still blocked, but now on another object (a Condition waiter now queued for its lock)
    ThreadId thread = kNoThread;
    SyncId object = kNoSync;
};
struct SyncEffects {
    std::vector<SyncWake> wakes;
    std::vector<SyncMove> moves;
};

struct SyncOutcome {
    bool blocked = false;  // the caller now waits (on waiting_on(caller))
    KernelResult result;   // when not blocked
};

class SyncTable {
public:
    // Semaphore/BoundedSemaphore: `initial` is the value; Barrier: the number of parties.
    // Condition: `lock` is its Lock or RLock; kNoSync makes a fresh RLock, as Python does.
    // WaitQueue: the same, but kNoSync makes a fresh Lock.
    SyncId create(SyncKind kind, int64_t initial = 0, SyncId lock = kNoSync);

    SyncOutcome apply(SyncOp op, SyncId id, ThreadId thread, bool blocking, int64_t count, SyncEffects& effects);
    // The timed wait of `thread` ran out. It may still block: a Condition waiter must get its
    // lock back before wait() returns.
    SyncOutcome time_out(ThreadId thread, SyncEffects& effects);
    // A killed thread leaves whatever queue it is in, without waking anyone.
    void forget(ThreadId thread);

    bool valid(SyncId id) const { return id >= 0 && id < static_cast<SyncId>(objects_.size()); }
    const SyncObject& object(SyncId id) const { return objects_[id]; }
    size_t size() const { return objects_.size(); }
    SyncId waiting_on(ThreadId thread) const;
    // The one thread whose action the waiters of `id` depend on (a lock's holder), if any.
    ThreadId holder(SyncId id) const;

private:
    bool lock_is_owned(const SyncObject& lock, ThreadId thread) const;
    void enqueue(SyncId id, const SyncWaiter& waiter);
    // Frees a Lock/RLock, or hands it to its first waiter.
    void hand_over_lock(SyncId id, SyncEffects& effects);
    // A Condition waiter (notified or timed out) queues for the lock, or takes it if free.
    SyncOutcome reacquire_after_condition(SyncId lock_id, SyncWaiter waiter);
    void break_barrier(SyncObject& barrier, SyncEffects& effects);
    void set_waiting(ThreadId thread, SyncId id);

    std::vector<SyncObject> objects_;
    std::vector<SyncId> waiting_on_;  // per thread
};

} // namespace machine
