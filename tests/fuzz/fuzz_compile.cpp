// libFuzzer target for the front end: any bytes pasted as a program must lex, parse and compile
// to a module or to a SyntaxError at a line:col inside the source, never crash, read out of
// bounds (ASan/UBSan) or hang.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include "lang/compiler.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view source(reinterpret_cast<const char*>(data), size);
    lang::CompileResult compiled = lang::compile_source(source, "fuzz.py");
    if (compiled.module == nullptr && !compiled.error)
        abort();  // neither a module nor a reason
    if (compiled.error && compiled.error->pos.line < 0)
        abort();
    return 0;
}
