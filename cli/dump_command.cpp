#include "cli/dump_command.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/output.hpp"
#include "cli/schema_input.hpp"
#include "model/model_json.hpp"
#include "parser/source_file.hpp"

namespace schemerge::cli {

void add_dump_command(CLI::App& app, DumpArgs& args) {
    CLI::App* dump = app.add_subcommand(
        "dump", "Load a schema (a .sql file or a directory of them) and write it back as one canonical script");
    dump->add_option("SOURCE", args.inputs,
                     "a .sql file, a directory (schema files or migrations), or REF:PATH in git; "
                     "with --check, one or more .sql files")
        ->required();
    add_source_options(dump, args.sources);
    dump->add_option("--format", args.format, "output format")->check(CLI::IsMember({"sql", "json"}));
    dump->add_option("-o,--output", args.output, "write to FILE instead of standard output (written only on success)");
    dump->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    dump->add_flag("--no-owners", args.no_owners, "omit ALTER ... OWNER TO");
    dump->add_flag("--no-privileges", args.no_privileges, "omit GRANT/REVOKE");
    dump->add_flag("--no-comments", args.no_comments, "omit COMMENT ON");
    dump->add_flag("-q,--quiet", args.quiet, "do not print warnings");
    dump->add_flag("--check", args.check,
                   "write nothing; exit 1 when a file's bytes differ from what dump would print for it "
                   "(one line per such file), 0 when every file is in canonical form")
        ->excludes("--output");
}

namespace {

// One line on stderr: how many statements the dump carries verbatim (not modeled, compared
// as text), by statement kind in the order first seen; nothing when there are none.
void print_verbatim_summary(const model::Schema& schema, bool quiet) {
    if (quiet || schema.opaque.empty()) {
        return;
    }
    std::vector<std::pair<std::string, std::size_t>> kinds;
    for (const auto& statement : schema.opaque) {
        auto it = std::find_if(kinds.begin(), kinds.end(), [&](const auto& k) { return k.first == statement.statement_kind; });
        if (it == kinds.end()) {
            kinds.emplace_back(statement.statement_kind, 1);
        } else {
            ++it->second;
        }
    }
    std::string list;
    for (const auto& [kind, count] : kinds) {
        list += (list.empty() ? "" : ", ") + (count == 1 ? kind : fmt::format("{} x{}", kind, count));
    }
    std::cerr << fmt::format("note: kept {} statement{} verbatim (not modeled, compared as text): {}\n",
                             schema.opaque.size(), schema.opaque.size() == 1 ? "" : "s", list);
}

// Loads `source` and renders it as `schemerge dump` prints it (args' format and --no-*
// options); returns the exit code, `content` being set when it is k_exit_ok. `single`: the
// run's one dump, which also prints the verbatim-statement summary line on stderr and
// leaves its model to the end of the process (`--check` renders many files, each model
// freed before the next is loaded).
int render_dump(const DumpArgs& args, const std::string& source, std::string& content, bool single = false) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    auto sources = context->read(source);
    if (!sources) {
        std::cerr << sources.error().render() << '\n';
        return k_exit_input_error;
    }
    print_notes(sources->notes, args.quiet);
    parser::LoadOptions options;
    options.unsupported = args.strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    const Dialect& dialect = context->dialect();
    auto loaded = dialect.load(sources->files, options);
    if (!loaded) {
        std::cerr << loaded.error().render() << '\n';
        return k_exit_input_error;
    }
    sources->files.clear();  // the model no longer needs the text; free it before emitting
    sources->files.shrink_to_fit();
    print_diagnostics(loaded->diagnostics, args.quiet);
    if (single) {
        print_verbatim_summary(loaded->schema, args.quiet);
    }
    if (args.format == "json") {
        content = model::to_json(loaded->schema);
        if (!content.empty() && content.back() != '\n') {
            content += '\n';
        }
    } else {
        synth::EmitOptions emit;
        emit.owners = !args.no_owners;
        emit.privileges = !args.no_privileges;
        emit.comments = !args.no_comments;
        content = dialect.emit_schema(loaded->schema, emit);
    }
    if (single) {
        keep_until_exit(std::move(*loaded));
    }
    return k_exit_ok;
}

// A file name as the shell would need it typed (single quotes unless it is plain).
std::string shell_word(const std::string& word) {
    if (!word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:,@=")
                             == std::string::npos) {
        return word;
    }
    std::string quoted = "'";
    for (char c : word) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// `dump --check FILE…`: a file is in canonical form when its bytes equal what `dump FILE`
// (with the same options) prints. Each file that is not gets one line on stdout, at the
// first line that differs; input errors are reported as `dump` reports them. Every file
// is checked, so a pre-commit hook names them all; the exit code is the worst one seen.
int run_dump_check(const DumpArgs& args) {
    if (args.format != "sql") {
        // The file is read as SQL; comparing it with the JSON of its own schema means nothing.
        std::cerr << "error: --check compares a schema file with its canonical SQL; --format " << args.format
                  << " cannot be checked\n";
        return k_exit_input_error;
    }
    std::string rewrite_options;
    // The rewrite must read the file in the same dialect (a config's dialect applies to it anyway).
    if (!args.sources.dialect.empty()) {
        rewrite_options += " --dialect " + shell_word(args.sources.dialect);
    }
    for (auto [set, flag] : {std::pair{args.no_owners, " --no-owners"}, std::pair{args.no_privileges, " --no-privileges"},
                             std::pair{args.no_comments, " --no-comments"}}) {
        if (set) {
            rewrite_options += flag;
        }
    }
    int result = k_exit_ok;
    for (const std::string& file : args.inputs) {
        std::error_code ec;
        const auto status = std::filesystem::status(file, ec);
        if (std::filesystem::is_directory(status)) {
            std::cerr << "error: '" << file << "' is a directory; --check compares a schema file with its canonical form\n";
            result = std::max<int>(result, k_exit_input_error);
            continue;
        }
        std::string canonical;
        if (int rc = render_dump(args, file, canonical); rc != k_exit_ok) {
            result = std::max(result, rc);
            continue;
        }
        if (!std::filesystem::is_regular_file(status)) {
            std::cerr << "error: '" << file << "' is not a file on disk; --check compares a schema file with its "
                      << "canonical form (REF:PATH is not checked)\n";
            result = std::max<int>(result, k_exit_input_error);
            continue;
        }
        auto bytes = read_file(file);
        if (!bytes) {
            std::cerr << "error: " << bytes.error() << '\n';
            result = std::max<int>(result, k_exit_input_error);
            continue;
        }
        if (*bytes == canonical) {
            continue;
        }
        const auto [first, second] = std::ranges::mismatch(*bytes, canonical);
        const auto line = 1 + std::count(bytes->begin(), first, '\n');
        const std::string word = shell_word(file);
        std::cout << fmt::format("{}:{}: not in canonical form from this line on; rewrite it with: schemerge dump {}{} -o {}\n",
                                 file, line, word, rewrite_options, word);
        result = std::max<int>(result, k_exit_different);
    }
    return result;
}

}  // namespace

int run_dump(const DumpArgs& args) {
    if (args.check) {
        return run_dump_check(args);
    }
    if (args.inputs.size() != 1) {
        std::cerr << "error: dump takes one SOURCE (several only with --check); got " << args.inputs.size() << '\n';
        return k_exit_input_error;
    }
    std::string content;
    if (int rc = render_dump(args, args.inputs.front(), content, true); rc != k_exit_ok) {
        return rc;
    }
    if (auto written = write_output(args.output, content); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    return k_exit_ok;
}

}  // namespace schemerge::cli
