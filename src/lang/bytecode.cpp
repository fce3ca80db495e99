// Opcode tables, stack effects and the disassembler.
#include "lang/bytecode.h"
#include "lang/repr.h"
#include <cstdio>
#include <vector>

namespace lang {

static const char* const kOpNames[] = {
#define X(name, arg) #name,
    THREADLAB_OPCODES(X)
#undef X
};

static const OpArg kOpArgs[] = {
#define X(name, arg) OpArg::arg,
    THREADLAB_OPCODES(X)
#undef X
};

// "LoadConst" -> "LOAD_CONST".
static std::string upper_snake(const char* camel)
{
    std::string out;
    for (const char* c = camel; *c; c++) {
        if (*c >= 'A' && *c <= 'Z' && c != camel)
            out += '_';
        out += (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
    }
    return out;
}

const char* op_name(Op op)
{
    return kOpNames[(int)op];
}

OpArg op_arg_kind(Op op)
{
    return kOpArgs[(int)op];
}

int stack_effect(Op op, int32_t arg, bool jumping)
{
    switch (op) {
    case Op::Nop: case Op::RotTwo: case Op::RotThree: case Op::DeleteFast: case Op::DeleteDeref:
    case Op::DeleteGlobal: case Op::DeleteName: case Op::LoadAttr: case Op::UnaryOp: case Op::Jump:
    case Op::GetIter: case Op::GetAIter: case Op::ListToTuple: case Op::PopBlock: case Op::PopExcept: case Op::CheckExcMatch:
    case Op::BeforeWith: case Op::BeforeAsyncWith: case Op::YieldValue: case Op::GetYieldFromIter: case Op::GetAwaitable:
    case Op::MatchSequence: case Op::MatchMapping: case Op::GetLen:
        return 0;
    case Op::Send:
        return jumping ? -1 : 0;
    case Op::DupTop: case Op::GetANext: case Op::PushNull: case Op::LoadConst: case Op::LoadFast: case Op::LoadDeref:
    case Op::LoadClosure: case Op::LoadGlobal: case Op::LoadName: case Op::LoadMethod:
    case Op::LoadBuildClass: case Op::LoadAssertionError: case Op::WithExcept: case Op::ImportName:
    case Op::ImportFrom:
        return 1;
    case Op::DupTopTwo:
        return 2;
    case Op::PopTop: case Op::StoreFast: case Op::StoreDeref: case Op::StoreGlobal: case Op::StoreName:
    case Op::DeleteAttr: case Op::BinarySubscr: case Op::BinaryOp: case Op::CompareOp: case Op::PopJumpIfFalse:
    case Op::PopJumpIfTrue: case Op::ListAppend: case Op::ListExtend: case Op::DictMerge: case Op::ReturnValue: case Op::SetAdd:
    case Op::SetUpdate: case Op::DictUpdate:
    case Op::Reraise: case Op::ImportStar:
        return -1;
    case Op::StoreAttr: case Op::DeleteSubscr: case Op::MapAdd: case Op::MatchClass: case Op::EndAsyncFor:
        return -2;
    case Op::StoreSubscr:
        return -3;
    case Op::BuildSlice: case Op::BuildList: case Op::BuildTuple: case Op::BuildString:
        return 1 - arg;
    case Op::BuildSet:
        return 1 - (arg & ~kSetOfConstants);
    case Op::BuildMap:
        return 1 - 2 * arg;
    case Op::JumpIfFalseOrPop: case Op::JumpIfTrueOrPop:
        return jumping ? 0 : -1;
    case Op::ForIter:
        return jumping ? -1 : 1;
    case Op::FormatValue:
        return (arg & kFormatHasSpec) ? -1 : 0;
    case Op::UnpackSequence:
        return arg - 1;
    case Op::UnpackEx:
        return (arg & 0xFF) + (arg >> 8);
    case Op::Call:
        return -(arg + 1);
    case Op::CallKw:
        return -(arg + 2);
    case Op::CallEx:
        return (arg & 1) ? -3 : -2;
    case Op::MakeFunction:
        return -(((arg & kMakeDefaults) ? 1 : 0) + ((arg & kMakeKwDefaults) ? 1 : 0) + ((arg & kMakeClosure) ? 1 : 0));
    case Op::Raise:
        return -arg;
    case Op::SetupFinally:
        return jumping ? 1 : 0;
    }
    return 0;
}

std::string constant_repr(const Constant& constant, const CompiledModule* module)
{
    switch (constant.kind) {
    case Constant::Kind::None: return "None";
    case Constant::Kind::Bool: return constant.int_value ? "True" : "False";
    case Constant::Kind::Int: return constant.str_value.empty() ? std::to_string(constant.int_value) : constant.str_value;
    case Constant::Kind::Float: return float_repr(constant.float_value);
    case Constant::Kind::Str: return str_repr(constant.str_value);
    case Constant::Kind::Bytes: return bytes_repr(constant.str_value);
    case Constant::Kind::Tuple: {
        std::string out = "(";
        for (size_t i = 0; i < constant.items.size(); i++)
            out += (i ? ", " : "") + constant_repr(constant.items[i], module);
        return out + (constant.items.size() == 1 ? ",)" : ")");
    }
    case Constant::Kind::Code:
        if (module && constant.int_value < (int64_t)module->codes.size())
            return "<code object " + module->codes[(size_t)constant.int_value]->qualname + ">";
        return "<code object>";
    }
    return "?";
}

static std::string argument_detail(const CodeObject& code, const CompiledModule* module, const Instruction& in)
{
    auto name_at = [](const std::vector<std::string>& names, int32_t index) -> std::string {
        return index >= 0 && index < (int32_t)names.size() ? names[(size_t)index] : "?";
    };
    switch (op_arg_kind(in.op)) {
    case OpArg::Const:
        return in.arg < (int32_t)code.constants.size() ? constant_repr(code.constants[(size_t)in.arg], module) : "?";
    case OpArg::Local: return name_at(code.local_names, in.arg);
    case OpArg::Cell: {
        int32_t cells = (int32_t)code.cell_names.size();
        return in.arg < cells ? name_at(code.cell_names, in.arg) : name_at(code.free_names, in.arg - cells);
    }
    case OpArg::Name: return name_at(code.names, in.arg);
    case OpArg::BinaryOp:
        return std::string(binary_op_symbol((BinaryOp)(in.arg & 0xFF))) + ((in.arg & kInPlace) ? "=" : "");
    case OpArg::UnaryOp: {
        static const char* const kSymbols[] = {"-", "+", "not", "~"};
        return kSymbols[in.arg & 3];
    }
    case OpArg::CompareOp: return compare_op_symbol((CompareOp)in.arg);
    case OpArg::Jump: return "to " + std::to_string(in.arg);
    case OpArg::Format: {
        static const char* const kConversions[] = {"", "str", "repr", "ascii"};
        std::string detail = kConversions[in.arg & kFormatConversionMask];
        if (in.arg & kFormatHasSpec)
            detail += detail.empty() ? "with format" : ", with format";
        return detail;
    }
    case OpArg::None: case OpArg::Count:
        return "";
    }
    return "";
}

std::string instruction_text(const CodeObject& code, size_t index, const CompiledModule* module)
{
    const Instruction& in = code.code[index];
    std::string out = upper_snake(kOpNames[(size_t)in.op]);
    if (op_arg_kind(in.op) == OpArg::None)
        return out;
    out += " " + std::to_string(in.arg);
    std::string detail = argument_detail(code, module, in);
    if (!detail.empty())
        out += " (" + detail + ")";
    return out;
}

std::string disassemble(const CompiledModule& module)
{
    std::vector<std::string> names;
    for (const char* name : kOpNames)
        names.push_back(upper_snake(name));
    std::string out;
    char line[256];
    for (size_t c = 0; c < module.codes.size(); c++) {
        const CodeObject& code = *module.codes[c];
        if (c)
            out += "\n";
        out += "Disassembly of " + (code.kind == CodeKind::Module ? std::string("<module>") : "<code object " + code.qualname + ">") +
               " (" + code.filename + ", line " + std::to_string(code.first_line) + "):\n";
        std::vector<bool> is_target(code.code.size() + 1, false);
        for (const Instruction& in : code.code)
            if (op_arg_kind(in.op) == OpArg::Jump && in.arg >= 0 && (size_t)in.arg < is_target.size())
                is_target[(size_t)in.arg] = true;
        SourcePos previous{-1, -1};
        for (size_t i = 0; i < code.code.size(); i++) {
            const Instruction& in = code.code[i];
            SourcePos pos = code.positions[i];
            char where[32] = "";
            if (pos.line != previous.line || pos.col != previous.col)
                snprintf(where, sizeof where, "%d:%d", pos.line, pos.col);
            previous = pos;
            bool has_arg = op_arg_kind(in.op) != OpArg::None;
            std::string detail = argument_detail(code, &module, in);
            snprintf(line, sizeof line, "%8s %2s %4zu %-20s", where, is_target[i] ? ">>" : "", i, names[(size_t)in.op].c_str());
            out += line;
            if (has_arg) {
                snprintf(line, sizeof line, " %4d", in.arg);
                out += line;
                if (!detail.empty())
                    out += " (" + detail + ")";
            }
            while (!out.empty() && out.back() == ' ')
                out.pop_back();
            out += "\n";
        }
    }
    return out;
}

} // namespace lang
