// The CLI's commands and options, each in one table: a flag, a default and a one-line help
// (shown by `threadlab help <command>`). To add an option, add a row to kOptions in options.cpp
// and read it with Options::get / Options::number.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cli {

struct CommandDef {
    const char* name;
    const char* arguments;  // "FILE", "[COMMAND]", ""
    const char* help;
};

struct OptionDef {
    const char* flag;           // "--max-steps"
    const char* value_name;     // "N"; null for a switch
    const char* default_value;  // text of the default ("" for switches)
    const char* commands;       // the commands that accept it, space separated
    const char* help;
    bool repeats = false;       // may be given several times; Options::list has every value
};

extern const std::vector<CommandDef> kCommands;
extern const std::vector<OptionDef> kOptions;

// A parsed command line: the command, its positional arguments and its options (every option
// of the command is present, with its default when not given).
struct Options {
    std::string command;
    std::vector<std::string> arguments;
    std::map<std::string, std::string> values;
    std::string error;  // non-empty when the command line is invalid

    const std::string& get(std::string_view flag) const;
    int64_t number(std::string_view flag) const;
    bool flag(std::string_view name) const { return get(name) == "1"; }
    // Every value of a repeating option, in command-line order.
    std::vector<std::string> list(std::string_view flag) const;
};

Options parse_command_line(int argc, char** argv);

// `threadlab help` (no command) or `threadlab help <command>`; empty if the command is unknown.
std::string help_text(std::string_view command);

} // namespace cli
