// Default privileges (model/default_privileges.hpp): set_default_privileges for each entry
// whose ACL differs between the two sides, an entry a side does not have being where it
// starts. Compared under the rule of other privileges (Context::privileges).
#include <set>

#include "diff/diff_context.hpp"

namespace schemerge::diff::detail {

void diff_default_privileges(Context& ctx) {
    if (!ctx.privileges) {
        return;
    }
    std::set<model::DefaultPrivilegesKey> keys;
    for (const auto* side : {&ctx.from.default_privileges, &ctx.to.default_privileges}) {
        for (const auto& [key, _] : *side) {
            keys.insert(key);
        }
    }
    const model::DialectTraits& traits = ctx.traits();
    for (const auto& key : keys) {
        // Dropping a schema drops its default privileges with it.
        if (!key.schema.empty() && ctx.from.namespaces.contains(key.schema) &&
            !ctx.to.namespaces.contains(key.schema) && key.schema != traits.default_schema) {
            continue;
        }
        auto b = ctx.from.default_privileges.find(key);
        auto a = ctx.to.default_privileges.find(key);
        const model::DefaultPrivileges* before = b != ctx.from.default_privileges.end() ? &b->second : nullptr;
        const model::DefaultPrivileges* after = a != ctx.to.default_privileges.end() ? &a->second : nullptr;
        if (model::effective_default_privileges(traits, key, before) ==
            model::effective_default_privileges(traits, key, after)) {
            continue;
        }
        ObjectRef before_ref = before != nullptr ? ObjectRef{before} : ObjectRef{};
        ObjectRef after_ref = after != nullptr ? ObjectRef{after} : ObjectRef{};
        ctx.emit(ChangeKind::set_default_privileges, model::default_privileges_key(key), before_ref, after_ref);
    }
}

}  // namespace schemerge::diff::detail
