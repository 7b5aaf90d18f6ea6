#include "cli/merge_driver_command.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/exit_codes.hpp"
#include "cli/keep_until_exit.hpp"
#include "cli/git_repo.hpp"
#include "cli/merge_job.hpp"
#include "cli/merge_report.hpp"
#include "cli/output.hpp"
#include "cli/schema_input.hpp"
#include "diff/two_way_diff.hpp"

namespace schemerge::cli {

namespace {

using Rows = std::vector<std::vector<std::string>>;

// One union table's rows on each side, and the merged list.
struct TableRows {
    std::string table;  // as configured
    std::array<std::vector<RowsStatement>, 3> statements;  // base, ours, theirs
    std::string written_table;          // the table as ours (else theirs) writes it: "schema_migrations" quoted
    std::vector<std::string> columns;   // ours' (else theirs') column list
    Rows merged;
};

Rows all_rows(const std::vector<RowsStatement>& statements) {
    Rows out;
    for (const auto& s : statements) {
        out.insert(out.end(), s.rows.begin(), s.rows.end());
    }
    return out;
}

// A three-way merge of row sets: rows both sides keep, plus rows either side added; a
// row either side removed stays removed. Sorted the way ours lists them when ours is
// sorted (Rails sorts versions), else ours' order followed by theirs' new rows.
Rows merge_rows(const Rows& base, const Rows& ours, const Rows& theirs) {
    std::set<std::vector<std::string>> in_base(base.begin(), base.end());
    std::set<std::vector<std::string>> in_ours(ours.begin(), ours.end());
    std::set<std::vector<std::string>> in_theirs(theirs.begin(), theirs.end());
    Rows out;
    std::set<std::vector<std::string>> taken;
    auto keep = [&](const std::vector<std::string>& row) {
        const bool removed_by_ours = in_base.contains(row) && !in_ours.contains(row);
        const bool removed_by_theirs = in_base.contains(row) && !in_theirs.contains(row);
        if (!removed_by_ours && !removed_by_theirs && taken.insert(row).second) {
            out.push_back(row);
        }
    };
    for (const auto& row : ours) {
        keep(row);
    }
    for (const auto& row : theirs) {
        keep(row);
    }
    if (std::ranges::is_sorted(ours)) {
        std::ranges::sort(out);
    } else if (std::ranges::is_sorted(ours, std::greater<>{})) {
        std::ranges::sort(out, std::greater<>{});
    }
    return out;
}

// `text` with each rows statement of every union table replaced: the first by `marker`
// (+ the table), the others by nothing.
std::string with_markers(const std::string& text, const std::vector<TableRows>& tables, std::size_t side) {
    struct Cut {
        std::size_t begin, end;
        std::string replacement;
    };
    std::vector<Cut> cuts;
    for (const auto& t : tables) {
        const auto& statements = t.statements[side];
        for (std::size_t i = 0; i < statements.size(); ++i) {
            cuts.push_back({statements[i].begin, statements[i].end,
                            i == 0 ? "-- schemerge:merged-rows " + t.table : std::string()});
        }
    }
    std::ranges::sort(cuts, {}, &Cut::begin);
    std::string out;
    std::size_t at = 0;
    for (const auto& c : cuts) {
        out.append(text, at, c.begin - at);
        out += c.replacement;
        at = c.end;
    }
    out.append(text, at, std::string::npos);
    return out;
}

std::string conflict_description(const std::string& path, const std::string& report, const std::string& line_text,
                                 bool line_clean, std::size_t conflicts) {
    std::string out =
        conflicts == 0
            ? fmt::format("<<<<<<< schemerge: {} could not be merged (this file is not SQL)\n", path)
            : fmt::format("<<<<<<< schemerge: {} could not be merged: {} schema conflict{} (this file is not SQL)\n",
                          path, conflicts, conflicts == 1 ? "" : "s");
    out += "# `schemerge merge-driver` found changes on the two branches that do not merge. Resolve them\n";
    out += "# (edit the schema on one branch, or take one side with `git checkout --ours|--theirs` and\n";
    out += "# regenerate the file), then `git add` the result. Below the report: git's line merge of the file";
    out += line_clean ? ".\n#\n" : ", with its conflict markers.\n#\n";
    std::istringstream in(report);
    for (std::string line; std::getline(in, line);) {
        out += "# " + line + "\n";
    }
    out += ">>>>>>> schemerge\n";
    out += line_text;
    return out;
}

}  // namespace

void add_merge_driver_command(CLI::App& app, MergeDriverArgs& args) {
    CLI::App* cmd = app.add_subcommand(
        "merge-driver",
        "git merge driver for schema files: git config merge.schemerge.driver 'schemerge merge-driver %O %A %B %P'");
    cmd->add_option("ANCESTOR", args.ancestor, "%O: the merge base's version of the file")->required();
    cmd->add_option("CURRENT", args.current, "%A: our version; the merged result is written here")->required();
    cmd->add_option("OTHER", args.other, "%B: their version")->required();
    cmd->add_option("PATH", args.path, "%P: the file's path in the repository (for messages)");
    cmd->add_flag("-q,--quiet", args.quiet, "do not print warnings and notes");
    cmd->add_option("--repo", args.sources.repo, "the repository whose schemerge.toml applies (default: the "
                                                 "working directory's)");
    cmd->add_option("--config", args.sources.config, "read this configuration file instead of schemerge.toml");
    add_dialect_option(cmd, args.sources);
}

int run_merge_driver(const MergeDriverArgs& args) {
    auto context = InputContext::create(args.sources);
    if (!context) {
        return context.error();
    }
    const Dialect& dialect = context->dialect();
    // The dialect's identifier quotes, for table names as the rows statements write them.
    auto is_quote = [&dialect](char c) {
        return dialect.traits->quote_open.find(c) != std::string_view::npos ||
               dialect.traits->quote_close.find(c) != std::string_view::npos;
    };
    const std::string path = args.path.empty() ? args.current : args.path;
    std::array<std::string, 3> texts;
    std::vector<std::vector<parser::SourceFile>> inputs;
    const std::array<std::pair<const std::string*, const char*>, 3> files{
        {{&args.ancestor, "base"}, {&args.current, "ours"}, {&args.other, "theirs"}}};
    for (std::size_t i = 0; i < files.size(); ++i) {
        auto raw = read_file(*files[i].first);
        if (!raw) {
            std::cerr << "error: " << raw.error() << '\n';
            return k_exit_input_error;
        }
        auto source = parser::make_checked_source(fmt::format("{}:{}", files[i].second, path), std::move(*raw));
        if (!source) {
            std::cerr << source.error().render() << '\n';
            return k_exit_input_error;
        }
        texts[i] = source->text;
        inputs.push_back({std::move(*source)});
    }

    auto line = line_merge(texts[0], texts[1], texts[2], "ours:" + path, "theirs:" + path);
    if (!line) {
        std::cerr << "error: " << line.error() << '\n';
        return k_exit_input_error;
    }
    // A side schemerge cannot read: %A gets git's line merge under a header that is not SQL,
    // so the merge stops and the file cannot be committed unread (leaving plain ours there
    // would silently drop theirs' changes).
    auto give_up = [&](const std::string& message, int code) {
        std::cerr << message << '\n';
        std::string text = fmt::format("<<<<<<< schemerge: {} could not be merged semantically (this file is not SQL)\n",
                                       path);
        text += "# schemerge merge-driver could not read one side of the file:\n";
        std::istringstream in(message);
        for (std::string l; std::getline(in, l);) {
            text += "#   " + l + "\n";
        }
        text += line->clean ? "# Below: git's line merge of the file (clean, but not checked).\n"
                            : "# Below: git's line merge of the file, with its conflict markers.\n";
        text += ">>>>>>> schemerge\n" + line->text;
        if (auto written = write_output(args.current, text); !written) {
            std::cerr << "error: " << written.error() << '\n';
        }
        return code;
    };

    // The rows dumps carry (Rails' schema_migrations list), per side.
    std::vector<TableRows> tables;
    // Without a reader for them, the dialect's rows are not merged (the merge stops below
    // unless git's line merge of the text is right).
    const DumpRows* dump_rows = dialect.dump_rows ? &*dialect.dump_rows : nullptr;
    for (const auto& table : dump_rows != nullptr ? context->config().union_rows : std::vector<std::string>{}) {
        TableRows rows;
        rows.table = table;
        bool any = false;
        for (std::size_t i = 0; i < 3; ++i) {
            auto found = dump_rows->find_table_rows(inputs[i].front(), table);
            if (!found) {
                return give_up(found.error().render(), k_exit_input_error);
            }
            rows.statements[i] = std::move(*found);
            any = any || !rows.statements[i].empty();
        }
        if (!any) {
            continue;
        }
        for (std::size_t side : {1U, 2U}) {
            if (!rows.statements[side].empty() && rows.written_table.empty()) {
                rows.written_table = rows.statements[side].front().table_as_written;
                rows.columns = rows.statements[side].front().columns;
            }
        }
        for (std::size_t side : {1U, 2U}) {
            for (const auto& s : rows.statements[side]) {
                if (s.columns != rows.columns) {
                    return give_up(fmt::format("{}:{}: error: the rows of {} list other columns than ours; cannot "
                                               "merge them as a union",
                                               *inputs[side].front().name, s.line, table),
                                   k_exit_input_error);
                }
            }
        }
        rows.merged = merge_rows(all_rows(rows.statements[0]), all_rows(rows.statements[1]),
                                 all_rows(rows.statements[2]));
        tables.push_back(std::move(rows));
    }

    MergeJobOptions options;
    options.dialect = &dialect;
    options.merge.prefer = preference_from(context->config().prefer);
    // No [ignore] here: the file written back must keep every object it holds.
    options.config = nullptr;
    auto job = run_merge_job(std::move(inputs), options);
    if (!job) {
        return give_up(job.error().render(), k_exit_input_error);
    }
    for (const auto& input : job->loaded) {
        print_diagnostics(input.diagnostics, args.quiet);
    }
    const auto& merged = job->result.merged;

    if (!job->result.clean()) {
        MergeReport report{"base:" + path, &job->result,
                           SidePlan{"ours:" + path, &job->ours_diff, &job->ours_plan, "ours"},
                           SidePlan{"theirs:" + path, &job->theirs_diff, &job->theirs_plan, "theirs"}};
        report.dialect = &dialect;
        auto text = conflict_description(path, render_merge_text(report), line->text, line->clean,
                                         job->result.conflicts.size());
        if (auto written = write_output(args.current, text); !written) {
            std::cerr << "error: " << written.error() << '\n';
            return k_exit_input_error;
        }
        std::cerr << fmt::format("schemerge: {}: {} schema conflict{}; the file describes them\n", path,
                                 job->result.conflicts.size(), job->result.conflicts.size() == 1 ? "" : "s");
        return k_exit_different;
    }

    // A candidate text is accepted when it loads to the merged schema and carries the
    // merged rows.
    auto accepts = [&](const std::string& text) {
        auto source = parser::make_source("merged:" + path, text);
        auto loaded = dialect.load({source}, {});
        if (!loaded) {
            return false;
        }
        if (!diff::diff(merged, loaded->schema).changes.changes.empty()) {
            return false;
        }
        for (const auto& t : tables) {
            auto found = dump_rows->find_table_rows(source, t.table);
            if (!found || all_rows(*found) != t.merged) {
                return false;
            }
        }
        return true;
    };

    std::string result;
    std::string how;
    if (line->clean && accepts(line->text)) {
        result = std::move(line->text);  // git's own merge was right: keep its text
        how = "git's line merge";
    }
    if (result.empty() && !tables.empty()) {
        // Merge the text without the row lists, then write the merged rows where they were.
        std::array<std::string, 3> marked;
        for (std::size_t i = 0; i < 3; ++i) {
            marked[i] = with_markers(texts[i], tables, i);
        }
        auto rows_line = line_merge(marked[0], marked[1], marked[2], "ours:" + path, "theirs:" + path);
        if (rows_line && rows_line->clean) {
            std::string text = rows_line->text;
            bool placed = true;
            for (const auto& t : tables) {
                const std::string marker = "-- schemerge:merged-rows " + t.table;
                auto at = text.find(marker);
                if (at == std::string::npos || text.find(marker, at + 1) != std::string::npos) {
                    placed = false;
                    break;
                }
                std::string insert = dump_rows->render_rows_insert(t.written_table, t.columns, t.merged);
                if (insert.ends_with('\n')) {
                    insert.pop_back();
                }
                text.replace(at, marker.size(), insert);
            }
            if (placed && accepts(text)) {
                result = std::move(text);
                how = "git's line merge with the rows merged as a union";
            }
        }
    }
    if (result.empty() && dump_rows == nullptr) {
        // The canonical form holds the schema only, and rows the file may carry cannot be
        // seen in this dialect: stop rather than lose them.
        const std::string report = fmt::format(
            "git's line merge of the file conflicts (or loses a change), and the {} dialect has no reader for the "
            "rows a dump carries, so the file cannot be rewritten from the merged schema without risking them.\n",
            dialect.name());
        auto text = conflict_description(path, report, line->text, line->clean, 0);
        if (auto written = write_output(args.current, text); !written) {
            std::cerr << "error: " << written.error() << '\n';
            return k_exit_input_error;
        }
        std::cerr << fmt::format("schemerge: {}: cannot be rewritten in the {} dialect (no reader for its rows)\n",
                                 path, dialect.name());
        return k_exit_different;
    }
    if (result.empty()) {
        // The canonical form holds the schema and the union tables' rows only: rows of any
        // other table would be lost, so they stop the merge instead.
        std::vector<std::string> uncovered;
        for (std::size_t i = 0; i < 3; ++i) {
            auto data = dump_rows->data_statements(parser::make_source(files[i].second, texts[i]));
            if (!data) {
                uncovered.push_back(fmt::format("{}:{} ({})", files[i].second, path, data.error().render()));
                continue;
            }
            for (const auto& d : *data) {
                const std::string bare =
                    d.table.substr(d.table.rfind('.') == std::string::npos ? 0 : d.table.rfind('.') + 1);
                const bool covered = d.kind == "insert" && std::ranges::any_of(tables, [&](const TableRows& t) {
                    std::string wanted = t.table;
                    std::erase_if(wanted, is_quote);
                    wanted = wanted.substr(wanted.rfind('.') == std::string::npos ? 0 : wanted.rfind('.') + 1);
                    std::ranges::transform(wanted, wanted.begin(), [](unsigned char c) { return std::tolower(c); });
                    return wanted == bare;
                });
                const std::string what = d.kind == "setval" ? std::string("sequence values (setval)")
                                         : d.kind == "insert" ? d.table
                                                              : fmt::format("{} ({})", d.table, d.kind);
                if (!covered && std::ranges::find(uncovered, what) == uncovered.end()) {
                    uncovered.push_back(what);
                }
            }
        }
        if (!uncovered.empty()) {
            const std::string names = fmt::format("{}", fmt::join(uncovered, ", "));
            const std::string report = fmt::format(
                "The file holds data a schema merge does not model — {} — and git's line merge of the file "
                "conflicts, so the data cannot be kept by taking its text.\nTables filled by INSERT ... VALUES "
                "can be listed in [merge-driver] union_rows of schemerge.toml to merge their rows as a union; "
                "anything else has to be merged by hand.\n",
                names);
            auto text = conflict_description(path, report, line->text, line->clean, 0);
            if (auto written = write_output(args.current, text); !written) {
                std::cerr << "error: " << written.error() << '\n';
                return k_exit_input_error;
            }
            std::cerr << fmt::format("schemerge: {}: rows of {} cannot be merged (not in [merge-driver] union_rows)\n",
                                     path, names);
            return k_exit_different;
        }
        // The canonical form of the merged schema, then the rows.
        result = emit_merged(dialect, *job);
        for (const auto& t : tables) {
            if (t.merged.empty()) {
                continue;
            }
            std::string table = t.written_table;
            bool qualified = false;
            bool quoted = false;
            for (char c : table) {
                quoted = is_quote(c) ? !quoted : quoted;
                qualified = qualified || (c == '.' && !quoted);
            }
            const std::string default_schema(dialect.traits->default_schema);
            if (!qualified && !default_schema.empty()) {
                std::string schema = default_schema;
                for (const auto& [name, _] : merged.tables) {
                    std::string unquoted = table;
                    std::erase_if(unquoted, is_quote);
                    if (name.name == unquoted) {
                        schema = name.schema;
                        break;
                    }
                }
                table = schema + "." + table;
            }
            result += "\n" + dump_rows->render_rows_insert(table, t.columns, t.merged);
        }
        how = "the canonical form of the merged schema (git's line merge conflicted or lost a change)";
        if (!accepts(result)) {
            return give_up("error: internal: the merged schema's canonical text does not load back to it (a bug "
                           "in schemerge: please report it with the three versions of the file)",
                           k_exit_internal);
        }
    }
    if (auto written = write_output(args.current, result); !written) {
        std::cerr << "error: " << written.error() << '\n';
        return k_exit_input_error;
    }
    if (!args.quiet) {
        std::cerr << fmt::format("schemerge: merged {} ({})\n", path, how);
    }
    keep_until_exit(std::move(*job));
    return k_exit_ok;
}

}  // namespace schemerge::cli
