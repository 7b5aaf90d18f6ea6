// The per-container merge: every identity of the three schemas is merged by presence
// (merge_object) and then by definition; tables and types merge attribute by attribute.
#include <algorithm>
#include <future>
#include <set>
#include <tuple>

#include "diff/merge_context.hpp"
#include "model/concurrency.hpp"

namespace schemerge::diff::detail {

SideValue side(std::optional<std::string> value, const model::SourceLocation& location) {
    return SideValue{std::move(value), location};
}

Preference MergeContext::preference_for(const model::ObjectKey& key) const {
    auto find = [&](const std::string& name) {
        auto it = options.resolve.find(name);
        return it == options.resolve.end() ? Preference::none : it->second;
    };
    Preference p = find(display_name(key));
    if (p == Preference::none && !key.table.empty()) {
        // A column/constraint conflict is also resolved by naming its table, and a
        // constraint by "schema.name" (the name is unique per schema in practice).
        p = find(display_name(model::ObjectKey{model::ObjectKind::table, key.schema, key.table, "", ""}));
        if (p == Preference::none && key.kind == model::ObjectKind::constraint) {
            p = find(key.schema + "." + key.name);
        }
    }
    if (p == Preference::none) {
        p = options.prefer;
    }
    if (swapped && p != Preference::none) {
        p = p == Preference::ours ? Preference::theirs : Preference::ours;
    }
    return p;
}

void MergeContext::report(ConflictKind kind, const model::ObjectKey& key, std::string attribute, SideValue base,
                          SideValue ours, SideValue theirs, std::string explanation, std::string resolution) {
    if (swapped) {
        return;
    }
    conflicts.push_back(Conflict{kind, key, std::move(attribute), std::move(base), std::move(ours), std::move(theirs),
                                 std::move(explanation), std::move(resolution)});
}

namespace {

// "SELECT, UPDATE (note) WITH GRANT OPTION": one grantee's entries, for conflict reports.
std::optional<std::string> grantee_text(const std::map<model::AclKey, bool>& entries) {
    if (entries.empty()) {
        return std::nullopt;
    }
    std::string out;
    for (const auto& [key, option] : entries) {
        out += (out.empty() ? "" : ", ") + key.privilege + (key.column.empty() ? "" : " (" + key.column + ")") +
               (option ? " WITH GRANT OPTION" : "");
    }
    return out;
}

void take_acl(model::ObjectBase& out, const model::ObjectBase& side) {
    out.grants = side.grants;
    out.acl = side.acl;
}

}  // namespace

void merge_privileges(MergeContext& ctx, const model::ObjectKey& key, model::ObjectBase& out,
                      const model::ObjectBase* base, const model::ObjectBase* ours, const model::ObjectBase* theirs) {
    if (base == nullptr || ours == nullptr || theirs == nullptr) {
        const model::ObjectBase* chosen = ours != nullptr ? ours : theirs;
        if (chosen != nullptr) {
            out.owner = chosen->owner;
            out.owner_at = chosen->owner_at;
            take_acl(out, *chosen);
        }
        return;
    }
    // The owner: one value.
    const model::ObjectBase& owner_side = ours->owner == base->owner ? *theirs : *ours;
    out.owner = owner_side.owner;
    out.owner_at = owner_side.owner_at;
    if (ours->owner != base->owner && theirs->owner != base->owner && ours->owner != theirs->owner) {
        auto text = [](const std::string& owner) { return owner.empty() ? std::nullopt : std::optional(owner); };
        out.owner = merge_attribute(ctx, key, "owner", base->owner, ours->owner, theirs->owner,
                                    ours->owner_at.known() ? ours->owner_at : ours->location,
                                    theirs->owner_at.known() ? theirs->owner_at : theirs->location,
                                    base->owner_at.known() ? base->owner_at : base->location, text);
        out.owner_at = out.owner == theirs->owner ? theirs->owner_at : ours->owner_at;
    }
    // The ACL: whole when one side left it alone, else grantee by grantee.
    auto same = [](const model::ObjectBase& a, const model::ObjectBase& b) {
        return a.acl == b.acl && a.grants == b.grants;
    };
    if (same(*ours, *base)) {
        take_acl(out, *theirs);
        return;
    }
    if (same(*theirs, *base) || ours->acl == theirs->acl) {
        take_acl(out, *ours);
        return;
    }
    const model::DialectTraits& traits = ctx.traits();
    model::Acl b = traits.effective_acl(base->acl, key.kind, key.name);
    model::Acl o = traits.effective_acl(ours->acl, key.kind, key.name);
    model::Acl t = traits.effective_acl(theirs->acl, key.kind, key.name);
    if (o == b) {
        take_acl(out, *theirs);
        return;
    }
    if (t == b || o == t) {
        take_acl(out, *ours);
        return;
    }
    model::Acl merged;
    merged.tracked = true;
    std::set<std::string> grantees;
    for (const auto* acl : {&b, &o, &t}) {
        for (const auto& grantee : acl->grantees()) {
            grantees.insert(grantee);
        }
    }
    auto line = [](const model::ObjectBase& side, const std::string& grantee) {
        auto it = side.acl.lines.find(grantee);
        return it != side.acl.lines.end() ? it->second : side.location;
    };
    for (const auto& grantee : grantees) {
        auto bg = b.of_grantee(grantee);
        auto og = o.of_grantee(grantee);
        auto tg = t.of_grantee(grantee);
        const model::ObjectBase* from = og == bg ? theirs : ours;
        auto chosen = og == bg ? tg : og;
        if (og != bg && tg != bg && og != tg) {
            Preference p = ctx.preference_for(key);
            if (p == Preference::theirs) {
                chosen = tg;
                from = theirs;
            } else if (p == Preference::none) {
                std::string who = model::grantee_label(grantee);
                // Default privileges name themselves ("default privileges in schema s on tables").
                std::string what = key.kind == model::ObjectKind::default_privileges
                                       ? display_name(key)
                                       : std::string(model::to_string(key.kind)) + " " + display_name(key);
                ctx.report(ConflictKind::both_modified, key, "privileges of " + who,
                           side(grantee_text(bg), line(*base, grantee)), side(grantee_text(og), line(*ours, grantee)),
                           side(grantee_text(tg), line(*theirs, grantee)),
                           "Both sides changed what " + who + " may do on " + what + " differently.",
                           "Pick one side with --resolve " + display_name(key) +
                               "=ours|theirs, or make both sides grant the same.");
            }
        }
        merged.entries.insert(chosen.begin(), chosen.end());
        if (auto it = from->acl.lines.find(grantee); it != from->acl.lines.end()) {
            merged.lines[grantee] = it->second;
        }
    }
    merged.derived = true;
    out.grants.clear();
    out.acl = std::move(merged);
}

model::AttributeSet merge_attributes(MergeContext& ctx, const model::ObjectKey& key, const model::ObjectBase& base,
                                     const model::ObjectBase& ours, const model::ObjectBase& theirs) {
    if (base.attributes.identical(ours.attributes)) {
        return theirs.attributes;
    }
    if (base.attributes.identical(theirs.attributes)) {
        return ours.attributes;
    }
    // A column's line is the statement that last changed it (as for its other attributes).
    auto line = [&](const model::ObjectBase& meta) -> const model::SourceLocation& {
        return key.kind == model::ObjectKind::column && meta.changed_at.known() ? meta.changed_at : meta.location;
    };
    std::vector<const model::AttributeDef*> defs;
    for (const auto* set : {&base.attributes, &ours.attributes, &theirs.attributes}) {
        for (const auto& entry : *set) {
            if (std::find(defs.begin(), defs.end(), entry.def) == defs.end()) {
                defs.push_back(entry.def);
            }
        }
    }
    std::stable_sort(defs.begin(), defs.end(), [](const model::AttributeDef* a, const model::AttributeDef* b) {
        return std::tie(a->order, a->name) < std::tie(b->order, b->name);
    });
    using Value = std::optional<model::AttributeValue>;
    auto value = [](const model::AttributeSet& set, const model::AttributeDef& def) -> Value {
        const auto* v = set.find(def);
        return v != nullptr ? Value(*v) : std::nullopt;
    };
    auto text = [](const Value& v) {
        return v ? std::optional<std::string>(model::attribute_text(*v)) : std::nullopt;
    };
    model::AttributeSet out;
    for (const auto* def : defs) {
        Value b = value(base.attributes, *def);
        Value o = value(ours.attributes, *def);
        Value t = value(theirs.attributes, *def);
        Value merged;
        if (!def->compared) {
            merged = o == b ? t : o;
        } else {
            merged = merge_attribute(ctx, key, std::string(def->name), b, o, t, line(ours), line(theirs), line(base),
                                     text);
        }
        if (merged) {
            out.set(*def, std::move(*merged));
        }
    }
    return out;
}

namespace {

// Merges one container of the schema whose objects are whole definitions (+ comment),
// or whose both-present case is given by `both`.
template <typename K, typename V, typename KeyOf, typename Both>
void merge_container(MergeContext& ctx, const std::map<K, V>& b, const std::map<K, V>& o, const std::map<K, V>& t,
                     std::map<K, V>& out, KeyOf key_of_value, Both both) {
    for (const auto& k : union_keys(b, o, t)) {
        const V* bv = find_in(b, k);
        const V* ov = find_in(o, k);
        const V* tv = find_in(t, k);
        const V* any = ov != nullptr ? ov : (tv != nullptr ? tv : bv);
        model::ObjectKey key = key_of_value(*any);
        auto text = [&ctx](const V& v) { return value_text(ctx, v); };
        auto merged = merge_object(ctx, key, bv, ov, tv, text,
                                   [&](const V& x, const V& y, const V& z) { return both(ctx, key, x, y, z); });
        if (merged) {
            out.emplace(k, std::move(*merged));
        }
    }
}

template <typename K, typename V, typename KeyOf>
void merge_whole(MergeContext& ctx, const std::map<K, V>& b, const std::map<K, V>& o, const std::map<K, V>& t,
                 std::map<K, V>& out, KeyOf key_of_value) {
    merge_container(ctx, b, o, t, out, key_of_value,
                    [](MergeContext& c, const model::ObjectKey& key, const V& x, const V& y, const V& z) {
                        return merge_definition(c, key, x, y, z, [&c](const V& v) { return value_text(c, v); });
                    });
}

model::ObjectKey option_key(const model::OptionObject& o, model::ObjectKind kind) {
    return {kind, o.name.schema, o.name.name, "", ""};
}

// Verbatim statements are a set by text: one side's additions are kept, removals taken.
std::vector<model::OpaqueStatement> merge_opaque(const std::vector<model::OpaqueStatement>& b,
                                                 const std::vector<model::OpaqueStatement>& o,
                                                 const std::vector<model::OpaqueStatement>& t) {
    auto texts = [](const std::vector<model::OpaqueStatement>& v) {
        std::set<std::string> s;
        for (const auto& x : v) {
            s.insert(x.sql);
        }
        return s;
    };
    auto bs = texts(b);
    auto os = texts(o);
    auto ts = texts(t);
    std::vector<model::OpaqueStatement> out;
    std::set<std::string> emitted;
    for (const auto& x : o) {
        bool dropped_by_theirs = bs.contains(x.sql) && !ts.contains(x.sql);
        if (!dropped_by_theirs && emitted.insert(x.sql).second) {
            out.push_back(x);
        }
    }
    for (const auto& x : t) {
        if (!bs.contains(x.sql) && emitted.insert(x.sql).second) {
            out.push_back(x);
        }
    }
    return out;
}

}  // namespace

namespace {

// Default privileges (model/default_privileges.hpp): a side without an entry has it where it
// starts, so every entry merges like an object's ACL on all three sides (merge_privileges:
// grantee by grantee, both-modified on "privileges of GRANTEE"); a merged entry back at its
// start is not kept.
void merge_default_privileges(MergeContext& ctx, const model::Schema& b, const model::Schema& o,
                              const model::Schema& t, model::Schema& out) {
    const model::DialectTraits& traits = ctx.traits();
    for (const auto& key : union_keys(b.default_privileges, o.default_privileges, t.default_privileges)) {
        model::Acl start = model::default_privileges_start(traits, key);
        auto entry = [&](const model::Schema& side) {
            if (const auto* found = find_in(side.default_privileges, key)) {
                return *found;
            }
            model::DefaultPrivileges absent{key, {}};
            absent.meta.acl = start;
            return absent;
        };
        model::DefaultPrivileges bv = entry(b);
        model::DefaultPrivileges ov = entry(o);
        model::DefaultPrivileges tv = entry(t);
        model::DefaultPrivileges merged{key, ov.meta.location.known() ? ov.meta : tv.meta};
        merge_privileges(ctx, model::default_privileges_key(key), merged.meta, &bv.meta, &ov.meta, &tv.meta);
        merged.meta.acl.derived = false;  // written from its entries anyway
        if (merged.meta.acl == start) {
            continue;
        }
        // A schema one side dropped (with its entries) while the other changed them.
        if (!key.schema.empty() && key.schema != traits.default_schema && !out.namespaces.contains(key.schema)) {
            model::ObjectKey object = model::default_privileges_key(key);
            auto text = [&](const model::DefaultPrivileges& e) {
                return e.meta.acl == start ? std::nullopt : std::optional<std::string>(display_name(object));
            };
            ctx.report(ConflictKind::dangling_reference, object, "schema", side(text(bv), bv.meta.location),
                       side(text(ov), ov.meta.location), side(text(tv), tv.meta.location),
                       "One side dropped schema " + key.schema + ", the other changed " + display_name(object) + ".",
                       "Keep the schema, or drop the change to its default privileges.");
            continue;
        }
        out.default_privileges.emplace(key, std::move(merged));
    }
}

}  // namespace

model::Schema merge_schemas(MergeContext& ctx, const model::Schema& b, const model::Schema& o, const model::Schema& t) {
    model::Schema out;
    out.dialect = &model::dialect_of({&b, &o, &t});
    // Containers are merged independently. Tables (the largest part) are merged on a second
    // thread into a context of their own while the rest is merged here; the conflicts are
    // then put in the order a merge of one container after the other reports them.
    MergeContext tables_ctx = ctx.beside();
    auto tables = std::async(model::launch_policy(), [&tables_ctx, &b, &o, &t, &out] {
        merge_container(tables_ctx, b.tables, o.tables, t.tables, out.tables,
                        [](const model::Table& v) { return key_of(v); },
                        [](MergeContext& c, const model::ObjectKey&, const model::Table& x, const model::Table& y,
                           const model::Table& z) { return merge_table(c, x, y, z); });
    });
    MergeContext after_tables = ctx.beside();
    merge_whole(ctx, b.namespaces, o.namespaces, t.namespaces, out.namespaces,
                [](const model::Namespace& v) { return key_of(v); });
    merge_whole(ctx, b.extensions, o.extensions, t.extensions, out.extensions,
                [](const model::Extension& v) { return key_of(v); });
    merge_whole(ctx, b.collations, o.collations, t.collations, out.collations,
                [](const model::OptionObject& v) { return option_key(v, model::ObjectKind::collation); });
    merge_container(ctx, b.types, o.types, t.types, out.types, [](const model::TypeDef& v) { return key_of(v); },
                    [](MergeContext& c, const model::ObjectKey&, const model::TypeDef& x, const model::TypeDef& y,
                       const model::TypeDef& z) { return merge_type(c, x, y, z); });
    merge_container(ctx, b.sequences, o.sequences, t.sequences, out.sequences,
                    [](const model::Sequence& v) { return key_of(v); },
                    [](MergeContext& c, const model::ObjectKey&, const model::Sequence& x, const model::Sequence& y,
                       const model::Sequence& z) { return merge_sequence(c, x, y, z); });
    merge_whole(after_tables, b.views, o.views, t.views, out.views, [](const model::View& v) { return key_of(v); });
    merge_whole(after_tables, b.indexes, o.indexes, t.indexes, out.indexes,
                [](const model::Index& v) { return key_of(v); });
    merge_whole(after_tables, b.functions, o.functions, t.functions, out.functions,
                [](const model::Function& v) { return key_of(v); });
    merge_whole(after_tables, b.triggers, o.triggers, t.triggers, out.triggers,
                [](const model::Trigger& v) { return key_of(v); });
    merge_whole(after_tables, b.policies, o.policies, t.policies, out.policies,
                [](const model::Policy& v) { return key_of(v); });
    merge_whole(after_tables, b.text_search_configurations, o.text_search_configurations, t.text_search_configurations,
                out.text_search_configurations, [](const model::OptionObject& v) {
                    return option_key(v, model::ObjectKind::text_search_configuration);
                });
    merge_whole(after_tables, b.text_search_dictionaries, o.text_search_dictionaries, t.text_search_dictionaries,
                out.text_search_dictionaries, [](const model::OptionObject& v) {
                    return option_key(v, model::ObjectKind::text_search_dictionary);
                });
    out.opaque = merge_opaque(b.opaque, o.opaque, t.opaque);
    merge_default_privileges(after_tables, b, o, t, out);
    tables.get();
    ctx.adopt(std::move(tables_ctx.conflicts));
    ctx.adopt(std::move(after_tables.conflicts));
    return out;
}

}  // namespace schemerge::diff::detail
