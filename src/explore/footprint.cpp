// Sections: keys | the footprint of a step | an instruction in words
#include "explore/footprint.h"

#include <algorithm>
#include <cctype>
#include "lang/bytecode.h"
#include "python/interpreter.h"
#include "python/python_machine.h"

namespace explore {

namespace {

constexpr uint64_t kWorld = 1;

uint64_t mix(uint64_t a, uint64_t b) {
    uint64_t h = a * 0x9e3779b97f4a7c15ULL ^ (b + 0x7f4a7c159e3779b9ULL + (a << 6) + (a >> 2));
    return h == kWorld ? h + 2 : h;
}

uint64_t object_key(const void* object, std::string_view name = {}) {
    return mix(reinterpret_cast<uintptr_t>(object), std::hash<std::string_view>{}(name));
}

// Natives whose effect reaches beyond their arguments: the output streams, the one random
// generator of the machine.
bool touches_world(std::string_view native) {
    static constexpr std::string_view kNames[] = {"print", "write", "flush", "random", "randint", "randrange",
                                                  "choice", "choices", "shuffle", "uniform", "getrandbits",
                                                  "seed", "sample", "gauss", "input"};
    return std::find(std::begin(kNames), std::end(kNames), native) != std::end(kNames);
}

void touch_value(const python::Value& v, bool write, std::vector<Access>& out) {
    if (v.is_object())
        out.push_back({object_key(v.object), write, {}});
}

// A call: a Python function only pushes a frame (its own steps say what they touch); anything
// else (natives, classes) may read and change its receiver and arguments.
void touch_call(const python::Value* callee_and_args, size_t count, std::vector<Access>& out) {
    python::Value callee = callee_and_args[0];
    if (auto* bound = python::as<python::BoundMethodObject>(callee))
        callee = bound->function;
    if (python::as<python::FunctionObject>(callee))
        return;
    if (auto* native = python::as<python::NativeObject>(callee); native && touches_world(native->name))
        out.push_back({kWorld, true, {}});
    for (size_t i = 1; i < count; ++i)
        touch_value(callee_and_args[i], true, out);
    if (auto* bound = python::as<python::BoundMethodObject>(callee_and_args[0]))
        touch_value(bound->self, true, out);
}

} // namespace

uint64_t sync_key(int32_t id) {
    return mix(0x5eed, static_cast<uint64_t>(id) + 1);
}

// What the next instruction of `thread` will touch (empty: only its own frame).
void next_step_footprint(const python::Thread* thread, std::vector<Access>& out) {
    out.clear();
    if (!thread || thread->frames.empty())
        return;
    const python::Frame& f = thread->frames.back();
    if (f.is_native() || !f.code || f.ip >= f.code->source->code.size())
        return;
    const lang::Instruction in = f.code->source->code[f.ip];
    const auto& s = f.stack;
    const auto top = [&](size_t depth) { return s.size() > depth ? s[s.size() - 1 - depth] : python::Value(); };
    const auto name = [&]() -> std::string_view {
        const auto& names = f.code->source->names;
        return in.arg >= 0 && static_cast<size_t>(in.arg) < names.size() ? std::string_view(names[in.arg]) : "";
    };
    using lang::Op;
    switch (in.op) {
    case Op::LoadGlobal:
    case Op::LoadName: out.push_back({object_key(f.module, name()), false, name()}); return;
    case Op::StoreGlobal:
    case Op::DeleteGlobal:
    case Op::StoreName:
    case Op::DeleteName: out.push_back({object_key(f.module, name()), true, name()}); return;
    case Op::LoadDeref:
    case Op::StoreDeref:
    case Op::DeleteDeref:
        if (in.arg >= 0 && static_cast<size_t>(in.arg) < f.cells.size())
            out.push_back({object_key(f.cells[in.arg]), in.op != Op::LoadDeref, {}});
        return;
    case Op::LoadAttr:
    case Op::LoadMethod:
        if (top(0).is_object())
            out.push_back({object_key(top(0).object, name()), false, name()});
        return;
    case Op::StoreAttr:
    case Op::DeleteAttr:
        if (top(0).is_object())
            out.push_back({object_key(top(0).object, name()), true, name()});
        return;
    case Op::BinarySubscr: touch_value(top(1), false, out); return;
    case Op::StoreSubscr:
    case Op::DeleteSubscr: touch_value(top(1), true, out); return;
    case Op::BinaryOp:
        touch_value(top(1), (in.arg & lang::kInPlace) != 0, out);
        touch_value(top(0), false, out);
        return;
    case Op::CompareOp:
        touch_value(top(1), false, out);
        touch_value(top(0), false, out);
        return;
    case Op::UnaryOp:
    case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue:
    case Op::JumpIfFalseOrPop:
    case Op::JumpIfTrueOrPop:
    case Op::GetIter:
    case Op::FormatValue:
    case Op::UnpackSequence:
    case Op::UnpackEx:
    case Op::ListExtend:
    case Op::DictMerge: touch_value(top(0), false, out); return;
    case Op::ForIter: touch_value(top(0), true, out); return;
    case Op::Call: {
        const size_t count = static_cast<size_t>(in.arg) + 2;
        if (s.size() >= count)
            touch_call(s.data() + s.size() - count, count, out);
        return;
    }
    case Op::CallKw: {
        const size_t count = static_cast<size_t>(in.arg) + 2;
        if (s.size() >= count + 1)
            touch_call(s.data() + s.size() - 1 - count, count, out);
        return;
    }
    case Op::CallEx: {  // callee, self, the positional tuple, and the keywords when arg & 1
        const size_t count = 3 + static_cast<size_t>(in.arg & 1);
        if (s.size() >= count)
            touch_call(s.data() + s.size() - count, count, out);
        return;
    }
    case Op::BeforeWith:
    case Op::BeforeAsyncWith:
    case Op::WithExcept:  // __enter__ / __exit__: Python ones run as frames, a lock's asks the kernel
        touch_value(top(0), true, out);
        return;
    case Op::ImportName:
    case Op::ImportFrom:
    case Op::ImportStar:
        out.push_back({kWorld, true, {}});
        for (size_t depth = 0; depth < 3; ++depth)
            touch_value(top(depth), true, out);
        return;
    default: return;
    }
}

InstructionPlace instruction_place(const python::PythonRun& run, machine::ThreadId thread, std::string_view filename,
                                   bool next) {
    InstructionPlace place;
    const python::Thread* t = run.python_thread(thread);
    if (!t || t->frames.empty() || t->frames.back().is_native() || (!next && t->frames.back().ip == 0)) {
        place.kind = next ? InstructionPlace::Kind::RuntimeCall : InstructionPlace::Kind::FirstInstruction;
        return place;
    }
    const python::Frame& f = t->frames.back();
    const lang::CodeObject& code = *f.code->source;
    if (code.code.empty())
        return place;
    place.kind = InstructionPlace::Kind::Instruction;
    const size_t at = std::min<size_t>(next ? f.ip : f.ip - 1, code.code.size() - 1);
    const lang::Instruction in = code.code[at];
    // The opcode as CPython's dis spells it: LoadGlobal -> LOAD_GLOBAL.
    std::string text;
    for (const char* c = lang::op_name(in.op); *c; ++c) {
        if (std::isupper(static_cast<unsigned char>(*c)) && !text.empty())
            text += '_';
        text += static_cast<char>(std::toupper(static_cast<unsigned char>(*c)));
    }
    if (lang::op_arg_kind(in.op) == lang::OpArg::Name && in.arg >= 0 && static_cast<size_t>(in.arg) < code.names.size())
        text += " " + code.names[in.arg];
    place.op = std::move(text);
    if (at < code.positions.size())
        place.line = code.positions[at].line;
    if (code.filename != filename)
        place.file = code.filename;
    return place;
}

} // namespace explore
