#include "cli/dump_command.hpp"

#include <iostream>

#include <fmt/format.h>

#include "cli/exit_codes.hpp"
#include "cli/output.hpp"
#include "cli/schema_input.hpp"
#include "model/model_json.hpp"
#include "parser/postgres/frontend.hpp"
#include "parser/source_file.hpp"
#include "synth/postgres/schema_emitter.hpp"

namespace schemerge::cli {

void add_dump_command(CLI::App& app, DumpArgs& args) {
    CLI::App* dump = app.add_subcommand(
        "dump", "Load a schema (a .sql file or a directory of them) and write it back as one canonical script");
    dump->add_option("SOURCE", args.source, "a .sql file, a directory (schema files or migrations), or REF:PATH in git")->required();
    add_source_options(dump, args.sources);
    dump->add_option("--format", args.format, "output format")->check(CLI::IsMember({"sql", "json"}));
    dump->add_option("-o,--output", args.output, "write to FILE instead of standard output (written only on success)");
    dump->add_flag("--strict", args.strict, "treat statements schemerge does not model as errors");
    dump->add_flag("--no-owners", args.no_owners, "omit ALTER ... OWNER TO");
    dump->add_flag("--no-privileges", args.no_privileges, "omit GRANT/REVOKE");
    dump->add_flag("--no-comments", args.no_comments, "omit COMMENT ON");
    dump->add_flag("-q,--quiet", args.quiet, "do not print warnings");
}

int run_dump(const DumpArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    auto sources = context->read(args.source);
    if (!sources) {
        std::cerr << sources.error().render() << '\n';
        return k_exit_input_error;
    }
    print_notes(sources->notes, args.quiet);
    parser::LoadOptions options;
    options.unsupported = args.strict ? parser::UnsupportedPolicy::error : parser::UnsupportedPolicy::warn;
    auto loaded = parser::postgres::load(sources->files, options);
    if (!loaded) {
        std::cerr << loaded.error().render() << '\n';
        return k_exit_input_error;
    }
    sources->files.clear();  // the model no longer needs the text; free it before emitting
    sources->files.shrink_to_fit();
    print_diagnostics(loaded->diagnostics, args.quiet);
    std::string content;
    if (args.format == "json") {
        content = model::to_json(loaded->schema);
        if (!content.empty() && content.back() != '\n') {
            content += '\n';
        }
    } else {
        synth::postgres::EmitOptions emit;
        emit.owners = !args.no_owners;
        emit.privileges = !args.no_privileges;
        emit.comments = !args.no_comments;
        content = synth::postgres::emit_schema(loaded->schema, emit);
    }
    if (auto written = write_output(args.output, content); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    return k_exit_ok;
}

}  // namespace schemerge::cli
