// CREATE / ALTER SEQUENCE, and the sequence options shared with identity columns.
#include <limits>

#include <fmt/format.h>

#include "parser/postgres/interpreter.hpp"
#include "parser/postgres/privileges.hpp"

namespace schemerge::parser::postgres {

namespace {

// Clear every option equal to what the engine would choose (docs: CREATE SEQUENCE):
// ascending sequences start at MINVALUE 1 and end at the type's maximum, descending
// ones run from -1 down to the type's minimum; INCREMENT 1, CACHE 1, type bigint.
void canonicalize(model::SequenceOptions& o) {
    std::int64_t type_max = std::numeric_limits<std::int64_t>::max();
    std::int64_t type_min = std::numeric_limits<std::int64_t>::min();
    if (o.data_type) {
        const std::string& t = o.data_type->name.name;
        if (t == "integer") {
            type_max = std::numeric_limits<std::int32_t>::max();
            type_min = std::numeric_limits<std::int32_t>::min();
        } else if (t == "smallint") {
            type_max = std::numeric_limits<std::int16_t>::max();
            type_min = std::numeric_limits<std::int16_t>::min();
        } else if (t == "bigint") {
            o.data_type.reset();
        }
    }
    std::int64_t increment = o.increment.value_or(1);
    bool ascending = increment > 0;
    std::int64_t default_min = ascending ? 1 : type_min;
    std::int64_t default_max = ascending ? type_max : -1;
    if (o.min_value == default_min) {
        o.min_value.reset();
    }
    if (o.max_value == default_max) {
        o.max_value.reset();
    }
    std::int64_t min = o.min_value.value_or(default_min);
    std::int64_t max = o.max_value.value_or(default_max);
    if (o.start == (ascending ? min : max)) {
        o.start.reset();
    }
    if (o.increment == 1) {
        o.increment.reset();
    }
    if (o.cache == 1) {
        o.cache.reset();
    }
}

}  // namespace

void Interpreter::apply_sequence_options(model::SequenceOptions& options, Node** items, std::size_t n,
                                         std::optional<model::SequenceOwner>* owner, std::string* seq_name) {
    for (std::size_t i = 0; i < n; ++i) {
        if (items[i]->node_case != PG_QUERY__NODE__NODE_DEF_ELEM) {
            continue;
        }
        const auto* d = items[i]->def_elem;
        std::string_view name = d->defname;
        if (name == "as") {
            options.data_type = type(d->arg->type_name);
        } else if (name == "start") {
            options.start = node_integer(d->arg);
        } else if (name == "increment") {
            options.increment = node_integer(d->arg);
        } else if (name == "minvalue") {
            options.min_value = d->arg != nullptr ? node_integer(d->arg) : std::nullopt;
        } else if (name == "maxvalue") {
            options.max_value = d->arg != nullptr ? node_integer(d->arg) : std::nullopt;
        } else if (name == "cache") {
            options.cache = node_integer(d->arg);
        } else if (name == "cycle") {
            options.cycle = d->arg == nullptr || (d->arg->node_case == PG_QUERY__NODE__NODE_BOOLEAN
                                                      ? d->arg->boolean->boolval
                                                      : node_integer(d->arg).value_or(1) != 0);
        } else if (name == "restart") {
            // RESTART changes the current value, which is data, not schema.
        } else if (name == "owned_by") {
            auto parts = string_list(d->arg->list->items, d->arg->list->n_items);
            if (owner == nullptr) {
                continue;
            }
            if (parts.size() == 1 && parts[0] == "none") {
                owner->reset();
            } else if (parts.size() >= 2) {
                PgQuery__RangeVar rv = PG_QUERY__RANGE_VAR__INIT;
                std::string rel = parts[parts.size() - 2];
                std::string schema = parts.size() >= 3 ? parts[parts.size() - 3] : "";
                rv.relname = rel.data();
                rv.schemaname = schema.data();
                model::QualifiedName table = resolve_relation(&rv);
                const model::Table& t = require_table(table, d->location);
                if (t.find_column(parts.back()) == nullptr) {
                    throw StatementError(d->location, fmt::format("column \"{}\" of relation \"{}\" does not exist",
                                                                  parts.back(), table.to_string()));
                }
                *owner = model::SequenceOwner{table, parts.back()};
            }
        } else if (name == "sequence_name") {
            if (seq_name != nullptr) {
                auto parts = string_list(d->arg->list->items, d->arg->list->n_items);
                *seq_name = parts.empty() ? "" : parts.back();
            }
        } else if (name == "logged" || name == "unlogged") {
            // handled by the caller
        } else {
            throw StatementError(d->location, fmt::format("unknown sequence option \"{}\"", name));
        }
    }
    canonicalize(options);
}

void Interpreter::create_sequence(PgQuery__CreateSeqStmt* stmt) {
    model::Sequence seq;
    seq.name = qualify(stmt->sequence);
    if (schema_.relation_exists(seq.name)) {
        if (stmt->if_not_exists) {
            return;
        }
        auto it = schema_.sequences.find(seq.name);
        throw StatementError(stmt->sequence->location, fmt::format("relation \"{}\" already exists", seq.name.to_string()),
                             it != schema_.sequences.end() ? it->second.meta.location : model::SourceLocation{},
                             "first defined here");
    }
    seq.meta = meta();
    seq.meta.renamed_from = statement_rename_annotation();
    seq.unlogged = stmt->sequence->relpersistence != nullptr && stmt->sequence->relpersistence[0] == 'u';
    apply_sequence_options(seq.options, stmt->options, stmt->n_options, &seq.owned_by, nullptr);
    start_acl(schema_, seq.meta, model::ObjectKind::sequence, seq.name);
    schema_.sequences.emplace(seq.name, std::move(seq));
}

void Interpreter::alter_sequence(PgQuery__AlterSeqStmt* stmt) {
    model::QualifiedName name = resolve_relation(stmt->sequence);
    auto it = schema_.sequences.find(name);
    if (it == schema_.sequences.end()) {
        if (stmt->missing_ok) {
            return;
        }
        throw StatementError(stmt->sequence->location, fmt::format("sequence \"{}\" does not exist", name.to_string()));
    }
    apply_sequence_options(it->second.options, stmt->options, stmt->n_options, &it->second.owned_by, nullptr);
}

}  // namespace schemerge::parser::postgres
