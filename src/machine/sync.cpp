#include "machine/sync.h"

#include <algorithm>

namespace machine {

const char* kernel_error_exception(KernelError error) {
    switch (error) {
    case KernelError::None: return "";
    case KernelError::ReleaseUnlocked:
    case KernelError::ReleaseUnowned:
    case KernelError::WaitUnowned:
    case KernelError::NotifyUnowned:
    case KernelError::JoinSelf:
    case KernelError::WrongObject:
    case KernelError::ThreadLimit: return "RuntimeError";
    case KernelError::SemaphoreOverflow: return "ValueError";
    case KernelError::BrokenBarrier: return "BrokenBarrierError";
    }
    return "RuntimeError";
}

const char* kernel_error_message(KernelError error) {
    switch (error) {
    case KernelError::None: return "";
    case KernelError::ReleaseUnlocked: return "release unlocked lock";
    case KernelError::ReleaseUnowned: return "cannot release un-acquired lock";
    case KernelError::WaitUnowned: return "cannot wait on un-acquired lock";
    case KernelError::NotifyUnowned: return "cannot notify on un-acquired lock";
    case KernelError::SemaphoreOverflow: return "Semaphore released too many times";
    case KernelError::BrokenBarrier: return "";
    case KernelError::JoinSelf: return "cannot join current thread";
    case KernelError::WrongObject: return "operation not supported by this object";
    case KernelError::ThreadLimit: return "can't start new thread";
    }
    return "";
}

const char* sync_kind_name(SyncKind kind) {
    switch (kind) {
    case SyncKind::Lock: return "Lock";
    case SyncKind::RLock: return "RLock";
    case SyncKind::Semaphore: return "Semaphore";
    case SyncKind::BoundedSemaphore: return "BoundedSemaphore";
    case SyncKind::Event: return "Event";
    case SyncKind::Condition: return "Condition";
    case SyncKind::Barrier: return "Barrier";
    case SyncKind::WaitQueue: return "Queue";
    }
    return "?";
}

const char* sync_op_name(SyncOp op) {
    switch (op) {
    case SyncOp::Acquire: return "acquire";
    case SyncOp::Release: return "release";
    case SyncOp::Wait: return "wait";
    case SyncOp::Set: return "set";
    case SyncOp::Clear: return "clear";
    case SyncOp::Notify: return "notify";
    case SyncOp::Abort: return "abort";
    case SyncOp::Reset: return "reset";
    }
    return "?";
}

SyncId SyncTable::create(SyncKind kind, int64_t initial, SyncId lock) {
    if (kind == SyncKind::Condition && lock == kNoSync)
        lock = create(SyncKind::RLock);
    if (kind == SyncKind::WaitQueue && lock == kNoSync)
        lock = create(SyncKind::Lock);
    SyncObject object;
    object.kind = kind;
    object.lock = lock;
    if (kind == SyncKind::Semaphore || kind == SyncKind::BoundedSemaphore) {
        object.count = initial;
        object.limit = initial;
    } else if (kind == SyncKind::Barrier) {
        object.limit = initial;
    }
    objects_.push_back(std::move(object));
    return static_cast<SyncId>(objects_.size() - 1);
}

SyncId SyncTable::waiting_on(ThreadId thread) const {
    if (thread < 0 || thread >= static_cast<ThreadId>(waiting_on_.size()))
        return kNoSync;
    return waiting_on_[thread];
}

ThreadId SyncTable::holder(SyncId id) const {
    const SyncObject& o = objects_[id];
    if ((o.kind == SyncKind::Lock || o.kind == SyncKind::RLock) && o.count > 0)
        return o.owner;
    return kNoThread;
}

void SyncTable::set_waiting(ThreadId thread, SyncId id) {
    if (thread >= static_cast<ThreadId>(waiting_on_.size()))
        waiting_on_.resize(thread + 1, kNoSync);
    waiting_on_[thread] = id;
}

void SyncTable::enqueue(SyncId id, const SyncWaiter& waiter) {
    objects_[id].waiters.push_back(waiter);
    set_waiting(waiter.thread, id);
}

bool SyncTable::lock_is_owned(const SyncObject& lock, ThreadId thread) const {
    if (lock.kind == SyncKind::RLock)
        return lock.count > 0 && lock.owner == thread;
    return lock.count > 0;
}

namespace {

// Waiters are served in arrival order.
SyncWaiter take_first_waiter(SyncObject& object) {
    const SyncWaiter first = object.waiters.front();
    object.waiters.erase(object.waiters.begin());
    return first;
}

} // namespace

void SyncTable::hand_over_lock(SyncId id, SyncEffects& effects) {
    SyncObject& lock = objects_[id];
    if (lock.waiters.empty()) {
        lock.count = 0;
        lock.owner = kNoThread;
        return;
    }
    const SyncWaiter next = take_first_waiter(lock);
    set_waiting(next.thread, kNoSync);
    lock.owner = next.thread;
    lock.count = lock.kind == SyncKind::RLock ? next.restore_depth : 1;
    effects.wakes.push_back({next.thread, {KernelError::None, next.after_condition ? next.condition_result : 1}});
}

SyncOutcome SyncTable::reacquire_after_condition(SyncId lock_id, SyncWaiter waiter) {
    SyncObject& lock = objects_[lock_id];
    waiter.after_condition = true;
    if (lock.count == 0) {
        set_waiting(waiter.thread, kNoSync);
        lock.owner = waiter.thread;
        lock.count = lock.kind == SyncKind::RLock ? waiter.restore_depth : 1;
        return {false, {KernelError::None, waiter.condition_result}};
    }
    enqueue(lock_id, waiter);
    return {true, {}};
}

void SyncTable::break_barrier(SyncObject& barrier, SyncEffects& effects) {
    barrier.broken = true;
    barrier.count = 0;
    for (const SyncWaiter& w : barrier.waiters) {
        set_waiting(w.thread, kNoSync);
        effects.wakes.push_back({w.thread, {KernelError::BrokenBarrier, 0}});
    }
    barrier.waiters.clear();
}

SyncOutcome SyncTable::apply(SyncOp op, SyncId id, ThreadId thread, bool blocking, int64_t count, SyncEffects& effects) {
    constexpr SyncOutcome wrong{false, {KernelError::WrongObject, 0}};
    if (!valid(id))
        return wrong;
    SyncObject& o = objects_[id];
    const auto done = [](int64_t value) { return SyncOutcome{false, {KernelError::None, value}}; };
    const auto fail = [](KernelError error) { return SyncOutcome{false, {error, 0}}; };
    const auto block = [&](SyncWaiter waiter) {
        waiter.thread = thread;
        enqueue(id, waiter);
        return SyncOutcome{true, {}};
    };

    switch (op) {
    case SyncOp::Acquire:
        switch (o.kind) {
        case SyncKind::Lock:
        case SyncKind::RLock:
            if (o.count == 0) {
                o.count = 1;
                o.owner = thread;
                return done(1);
            }
            if (o.kind == SyncKind::RLock && o.owner == thread) {
                ++o.count;
                return done(1);
            }
            return blocking ? block({}) : done(0);
        case SyncKind::Semaphore:
        case SyncKind::BoundedSemaphore:
            if (o.count > 0) {
                --o.count;
                return done(1);
            }
            return blocking ? block({}) : done(0);
        default: return wrong;
        }

    case SyncOp::Release:
        switch (o.kind) {
        case SyncKind::Lock:
            if (o.count == 0)
                return fail(KernelError::ReleaseUnlocked);
            hand_over_lock(id, effects);
            return done(0);
        case SyncKind::RLock:
            if (o.count == 0 || o.owner != thread)
                return fail(KernelError::ReleaseUnowned);
            if (--o.count == 0)
                hand_over_lock(id, effects);
            return done(0);
        case SyncKind::Semaphore:
        case SyncKind::BoundedSemaphore:
            if (o.kind == SyncKind::BoundedSemaphore && o.count + count > o.limit)
                return fail(KernelError::SemaphoreOverflow);
            for (int64_t i = 0; i < count; ++i) {
                if (o.waiters.empty()) {
                    ++o.count;
                    continue;
                }
                const ThreadId next = take_first_waiter(o).thread;
                set_waiting(next, kNoSync);
                effects.wakes.push_back({next, {KernelError::None, 1}});
            }
            return done(0);
        default: return wrong;
        }

    case SyncOp::Wait:
        switch (o.kind) {
        case SyncKind::Event: return o.count != 0 ? done(1) : block({});
        case SyncKind::WaitQueue:
        case SyncKind::Condition: {
            SyncObject& lock = objects_[o.lock];
            if (!lock_is_owned(lock, thread))
                return fail(KernelError::WaitUnowned);
            SyncWaiter waiter;
            waiter.restore_depth = lock.kind == SyncKind::RLock ? lock.count : 1;
            hand_over_lock(o.lock, effects);
            return block(waiter);
        }
        case SyncKind::Barrier: {
            if (o.broken)
                return fail(KernelError::BrokenBarrier);
            SyncWaiter waiter;
            waiter.arrival_index = o.count++;
            if (o.count < o.limit)
                return block(waiter);
            // The last party releases everyone and the barrier starts its next round.
            for (const SyncWaiter& w : o.waiters) {
                set_waiting(w.thread, kNoSync);
                effects.wakes.push_back({w.thread, {KernelError::None, w.arrival_index}});
            }
            o.waiters.clear();
            o.count = 0;
            return done(waiter.arrival_index);
        }
        default: return wrong;
        }

    case SyncOp::Set:
        if (o.kind != SyncKind::Event)
            return wrong;
        o.count = 1;
        for (const SyncWaiter& w : o.waiters) {
            set_waiting(w.thread, kNoSync);
            effects.wakes.push_back({w.thread, {KernelError::None, 1}});
        }
        o.waiters.clear();
        return done(0);

    case SyncOp::Clear:
        if (o.kind != SyncKind::Event)
            return wrong;
        o.count = 0;
        return done(0);

    case SyncOp::Notify: {
        if (o.kind != SyncKind::Condition && o.kind != SyncKind::WaitQueue)
            return wrong;
        if (!lock_is_owned(objects_[o.lock], thread))
            return fail(KernelError::NotifyUnowned);
        int64_t woken = 0;
        while (!o.waiters.empty() && (count < 0 || woken < count)) {
            SyncWaiter w = take_first_waiter(o);
            ++woken;
            w.condition_result = 1;
            const SyncOutcome next = reacquire_after_condition(o.lock, w);
            if (next.blocked)
                effects.moves.push_back({w.thread, o.lock});
            else
                effects.wakes.push_back({w.thread, next.result});
        }
        return done(woken);
    }

    case SyncOp::Abort:
        if (o.kind != SyncKind::Barrier)
            return wrong;
        break_barrier(o, effects);
        return done(0);

    case SyncOp::Reset:
        if (o.kind != SyncKind::Barrier)
            return wrong;
        break_barrier(o, effects);
        o.broken = false;
        return done(0);
    }
    return wrong;
}

SyncOutcome SyncTable::time_out(ThreadId thread, SyncEffects& effects) {
    const SyncId id = waiting_on(thread);
    if (id == kNoSync)
        return {false, {KernelError::WrongObject, 0}};
    SyncObject& o = objects_[id];
    const auto it = std::find_if(o.waiters.begin(), o.waiters.end(),
                                 [&](const SyncWaiter& w) { return w.thread == thread; });
    const SyncWaiter waiter = *it;
    o.waiters.erase(it);
    set_waiting(thread, kNoSync);
    switch (o.kind) {
    case SyncKind::Event: return {false, {KernelError::None, o.count}};
    case SyncKind::WaitQueue:
    case SyncKind::Condition: {
        SyncWaiter w = waiter;
        w.condition_result = 0;
        return reacquire_after_condition(o.lock, w);
    }
    case SyncKind::Barrier:
        break_barrier(o, effects);
        return {false, {KernelError::BrokenBarrier, 0}};
    default: return {false, {KernelError::None, 0}};
    }
}

void SyncTable::forget(ThreadId thread) {
    const SyncId id = waiting_on(thread);
    if (id == kNoSync)
        return;
    auto& waiters = objects_[id].waiters;
    waiters.erase(std::remove_if(waiters.begin(), waiters.end(),
                                 [&](const SyncWaiter& w) { return w.thread == thread; }),
                  waiters.end());
    set_waiting(thread, kNoSync);
}

} // namespace machine
