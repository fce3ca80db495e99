// threadlab: the command-line front end. It reads files, prints, and keeps time; the engine
// does none of that. Commands are listed in options.cpp.
#include "cli/options.h"
#include "engine/interpreter.h"
#include "lang/compiler.h"
#include "lang/parser.h"
#include "version.h"
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace {

// The host of a single-threaded run: output goes straight to the terminal.
struct TerminalHost : engine::Host {
    uint64_t seed = 0;
    void write_stdout(std::string_view text) override { fwrite(text.data(), 1, text.size(), stdout); }
    void write_stderr(std::string_view text) override
    {
        fflush(stdout);
        fwrite(text.data(), 1, text.size(), stderr);
    }
    int64_t now_ns() override { return 0; }
    uint64_t random_u64() override
    {
        uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
};

bool read_file(const std::string& path, std::string& out)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return false;
    std::stringstream buffer;
    buffer << file.rdbuf();
    out = buffer.str();
    return true;
}

void print_error(const std::string& text)
{
    fflush(stdout);
    fputs(text.c_str(), stderr);
}

// The source named by the command's one FILE argument, or an exit status for the failure.
int load_source(const cli::Options& options, std::string& source)
{
    if (options.arguments.size() != 1) {
        print_error("threadlab " + options.command + ": expected one FILE argument (try: threadlab help " + options.command + ")\n");
        return 2;
    }
    if (!read_file(options.arguments[0], source)) {
        print_error("threadlab: can't open file '" + options.arguments[0] + "'\n");
        return 2;
    }
    return 0;
}

// SystemExit ends a program quietly, with its code as the exit status (as CPython does).
int system_exit_status(engine::Interpreter& vm, const engine::Thread& thread)
{
    auto* exception = engine::as<engine::InstanceObject>(thread.uncaught);
    engine::Value* args = exception->attrs.find("args");
    auto* tuple = args ? engine::as<engine::TupleObject>(*args) : nullptr;
    if (!tuple || tuple->items.empty() || tuple->items[0].is_none())
        return 0;
    engine::Value code = tuple->items[0];
    if (code.is_integral())
        return (int)code.as_integral();
    print_error(vm.str(code) + "\n");
    return 1;
}

int command_run(const cli::Options& options)
{
    std::string source;
    if (int status = load_source(options, source))
        return status;
    const std::string& path = options.arguments[0];
    TerminalHost host;
    engine::Interpreter vm(host);
    engine::LoadResult loaded = vm.load_main(source, path);
    if (loaded.error) {
        print_error(lang::format_source_error(*loaded.error, path, source));
        return 1;
    }
    engine::Thread& thread = *loaded.thread;
    int64_t max_steps = options.number("--max-steps");
    uint64_t executed = 0;
    while (thread.state == engine::ThreadState::Runnable) {
        uint64_t budget = std::min<uint64_t>(1000000, (uint64_t)max_steps - executed);
        if (budget == 0) {
            print_error("threadlab: stopped after " + std::to_string(executed) + " instructions (--max-steps " +
                        std::to_string(max_steps) + "): the program may loop forever\n");
            return 3;
        }
        executed += vm.run(thread, budget).executed;
    }
    fflush(stdout);
    if (thread.state == engine::ThreadState::Suspended) {
        print_error("threadlab: the program waits for something only another thread could do, and it has no other thread\n");
        return 3;
    }
    if (!thread.uncaught.is_none()) {
        if (vm.is_instance(thread.uncaught, vm.types.system_exit))
            return system_exit_status(vm, thread);
        print_error(vm.format_uncaught(thread));
        return 1;
    }
    return 0;
}

int command_dis(const cli::Options& options)
{
    std::string source;
    if (int status = load_source(options, source))
        return status;
    lang::CompileResult compiled = lang::compile_source(source, options.arguments[0]);
    if (compiled.error) {
        print_error(lang::format_source_error(*compiled.error, options.arguments[0], source));
        return 1;
    }
    fputs(lang::disassemble(*compiled.module).c_str(), stdout);
    return 0;
}

int command_ast(const cli::Options& options)
{
    std::string source;
    if (int status = load_source(options, source))
        return status;
    lang::ParseResult parsed = lang::parse_module(source);
    if (parsed.error) {
        print_error(lang::format_source_error(*parsed.error, options.arguments[0], source));
        return 1;
    }
    fputs(lang::dump_ast(*parsed.module).c_str(), stdout);
    return 0;
}

// The interpreter's speed on the loop the performance budget names.
int command_bench(const cli::Options& options)
{
    int64_t count = options.number("--count");
    std::string source = "def count(n):\n    while n > 0:\n        n -= 1\n\ncount(" + std::to_string(count) + ")\n";
    TerminalHost host;
    engine::Interpreter vm(host);
    engine::LoadResult loaded = vm.load_main(source, "<bench>");
    if (loaded.error) {
        print_error(lang::format_source_error(*loaded.error, "<bench>", source));
        return 1;
    }
    auto start = std::chrono::steady_clock::now();
    uint64_t executed = 0;
    while (loaded.thread->state == engine::ThreadState::Runnable)
        executed += vm.run(*loaded.thread, 10000000).executed;
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    printf("bench: count(%lld) ran %llu bytecodes in %.3f s: %.1f million bytecodes/s\n", (long long)count,
           (unsigned long long)executed, seconds, (double)executed / seconds / 1e6);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    cli::Options options = cli::parse_command_line(argc, argv);
    if (!options.error.empty()) {
        print_error("threadlab: " + options.error + "\n");
        return 2;
    }
    if (options.command == "help") {
        std::string topic = options.arguments.empty() ? "" : options.arguments[0];
        std::string text = cli::help_text(topic);
        if (text.empty()) {
            print_error("threadlab: no command named '" + topic + "'\n");
            return 2;
        }
        fputs(text.c_str(), stdout);
        return 0;
    }
    if (options.command == "version") {
        printf("threadlab %s (commit %s)\n", THREADLAB_VERSION, THREADLAB_COMMIT);
        return 0;
    }
    if (options.command == "run") return command_run(options);
    if (options.command == "dis") return command_dis(options);
    if (options.command == "ast") return command_ast(options);
    if (options.command == "bench") return command_bench(options);
    return 2;
}
