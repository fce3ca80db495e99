// Python's operators, shared by the AST, the bytecode (as instruction arguments) and the
// interpreter (which implements them).
#pragma once
#include <cstdint>

namespace lang {

enum class BinaryOp : uint8_t {
    Add, Sub, Mul, TrueDiv, FloorDiv, Mod, Pow, LShift, RShift, BitAnd, BitOr, BitXor,
};
constexpr int kBinaryOpCount = 12;

enum class UnaryOp : uint8_t { Negative, Positive, Not, Invert };

enum class CompareOp : uint8_t { Lt, LtE, Eq, NotEq, Gt, GtE, In, NotIn, Is, IsNot };

// "+", "//", ... as Python spells them (error messages quote these).
inline const char* binary_op_symbol(BinaryOp op)
{
    static constexpr const char* kSymbols[kBinaryOpCount] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^"};
    return kSymbols[(int)op];
}

inline const char* binary_op_name(BinaryOp op)
{
    static constexpr const char* kNames[kBinaryOpCount] = {"Add", "Sub", "Mult", "Div", "FloorDiv", "Mod", "Pow", "LShift", "RShift", "BitAnd", "BitOr", "BitXor"};
    return kNames[(int)op];
}

// The dunder a user class defines to overload the operator (__add__, ...).
inline const char* binary_op_dunder(BinaryOp op)
{
    static constexpr const char* kDunders[kBinaryOpCount] = {"__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__",
                                                             "__pow__", "__lshift__", "__rshift__", "__and__", "__or__", "__xor__"};
    return kDunders[(int)op];
}

inline const char* unary_op_name(UnaryOp op)
{
    static constexpr const char* kNames[] = {"USub", "UAdd", "Not", "Invert"};
    return kNames[(int)op];
}

inline const char* compare_op_symbol(CompareOp op)
{
    static constexpr const char* kSymbols[] = {"<", "<=", "==", "!=", ">", ">=", "in", "not in", "is", "is not"};
    return kSymbols[(int)op];
}

} // namespace lang
