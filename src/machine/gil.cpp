#include "machine/gil.h"

#include <algorithm>

namespace machine {

Gil::TakeResult Gil::take(ThreadId thread) {
    TakeResult result;
    if (holder_ != kNoThread)
        return result;
    result.taken = true;
    holder_ = thread;
    drop_request_ = false;
    if (last_holder_ != thread) {
        last_holder_ = thread;
        ++switch_number_;
        result.now_waiting.swap(awaiting_switch_);
        for (ThreadId t : result.now_waiting)
            waiters_.push_back(t);
    }
    return result;
}

ThreadId Gil::release() {
    holder_ = kNoThread;
    if (waiters_.empty())
        return kNoThread;
    const ThreadId next = waiters_.front();
    waiters_.pop_front();
    return next;
}

ThreadId Gil::drop_for_switch() {
    const ThreadId dropper = holder_;
    const ThreadId next = release();
    awaiting_switch_.push_back(dropper);
    return next;
}

bool Gil::interval_expired(uint64_t seen_switch) {
    if (holder_ == kNoThread || switch_number_ != seen_switch || drop_request_)
        return false;
    drop_request_ = true;
    return true;
}

void Gil::forget(ThreadId thread) {
    waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), thread), waiters_.end());
    awaiting_switch_.erase(std::remove(awaiting_switch_.begin(), awaiting_switch_.end(), thread),
                           awaiting_switch_.end());
}

} // namespace machine
