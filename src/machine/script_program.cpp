#include "machine/script_program.h"

namespace machine {

std::unique_ptr<ScriptProgram> script() {
    return std::make_unique<ScriptProgram>();
}

ScriptProgram& ScriptProgram::add(std::function<Request(ScriptProgram&)> request, bool is_spawn) {
    Step s;
    s.request = std::move(request);
    s.is_spawn = is_spawn;
    steps_.push_back(std::move(s));
    return *this;
}

ScriptProgram& ScriptProgram::compute(int64_t instructions) {
    Step s;
    s.instructions = instructions;
    steps_.push_back(std::move(s));
    return *this;
}

ScriptProgram& ScriptProgram::sleep(SimTime d) {
    return add([d](ScriptProgram&) { return Request::sleep(d); });
}
ScriptProgram& ScriptProgram::io(SimTime d) {
    return add([d](ScriptProgram&) { return Request::io(d); });
}
ScriptProgram& ScriptProgram::acquire(SyncId lock, SimTime timeout) {
    return add([=](ScriptProgram&) { return Request::sync(SyncOp::Acquire, lock, timeout); });
}
ScriptProgram& ScriptProgram::release(SyncId lock) {
    return add([=](ScriptProgram&) { return Request::sync(SyncOp::Release, lock); });
}
ScriptProgram& ScriptProgram::wait(SyncId object, SimTime timeout) {
    return add([=](ScriptProgram&) { return Request::sync(SyncOp::Wait, object, timeout); });
}
ScriptProgram& ScriptProgram::set(SyncId event) {
    return add([=](ScriptProgram&) { return Request::sync(SyncOp::Set, event); });
}
ScriptProgram& ScriptProgram::notify(SyncId object, int64_t count) {
    return add([=](ScriptProgram&) { return Request::sync(SyncOp::Notify, object, kNever, true, count); });
}
ScriptProgram& ScriptProgram::output(std::string line) {
    return add([line = std::move(line)](ScriptProgram&) { return Request::output(line); });
}
ScriptProgram& ScriptProgram::yield() {
    return add([](ScriptProgram&) { return Request::yield(); });
}
ScriptProgram& ScriptProgram::spawn(std::string name, Factory make, bool daemon, int priority) {
    return add([=](ScriptProgram&) { return Request::spawn(make(), name, daemon, priority); }, true);
}
ScriptProgram& ScriptProgram::spawn_process(std::string name, Factory make) {
    return add([=](ScriptProgram&) { return Request::spawn_process(make(), name); }, true);
}
ScriptProgram& ScriptProgram::join_spawned(size_t index, SimTime timeout) {
    return add([=](ScriptProgram& self) { return Request::join(self.spawned_.at(index), timeout); });
}
ScriptProgram& ScriptProgram::join(ThreadId thread, SimTime timeout) {
    return add([=](ScriptProgram&) { return Request::join(thread, timeout); });
}
ScriptProgram& ScriptProgram::repeat(int64_t times) {
    repeat_ = times;
    return *this;
}

RunResult ScriptProgram::run(int64_t budget, const KernelResult& resumed) {
    if (awaiting_result_) {
        results_.push_back(resumed);
        if (awaiting_spawn_)
            spawned_.push_back(static_cast<ThreadId>(resumed.value));
        awaiting_result_ = awaiting_spawn_ = false;
    }
    RunResult result;
    while (true) {
        if (step_ == steps_.size()) {
            ++round_;
            if (steps_.empty() || (repeat_ != 0 && round_ >= repeat_)) {
                result.request = Request::exit();
                return result;
            }
            step_ = 0;
        }
        Step& s = steps_[step_];
        if (s.request) {
            ++step_;
            awaiting_result_ = true;
            awaiting_spawn_ = s.is_spawn;
            result.request = s.request(*this);
            return result;
        }
        if (remaining_ < 0)
            remaining_ = s.instructions;
        // Out of budget only matters while there is computing left: a request or the exit
        // that follows happens at this same instant.
        if (remaining_ > 0 && result.executed == budget)
            return result;
        const int64_t n = std::min(remaining_, budget - result.executed);
        remaining_ -= n;
        result.executed += n;
        if (remaining_ == 0) {
            remaining_ = -1;
            ++step_;
        }
    }
}

} // namespace machine
