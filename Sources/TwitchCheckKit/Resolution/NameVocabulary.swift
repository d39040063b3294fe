/// Words in a medication string that are not drug names: units, dose forms, routes,
/// release types, salts and frequencies ("Sertraline HCl 50 mg tablet").
///
/// A lone word from this list is never looked up as a name, so "Potassium Chloride"
/// still matches as a whole while "chloride" after "sertraline" is skipped.
enum NameVocabulary {
    static let nonNameWords: Set<String> = [
        // units and amounts
        "mg", "mcg", "ug", "g", "gm", "gram", "grams", "kg", "ml", "l", "unt", "unit", "units", "iu", "meq", "mmol",
        "actuat", "actuation", "actuations", "puff", "puffs", "hr", "hrs", "h", "hour", "hours", "day", "days", "percent",
        "dose", "doses", "strength", "cm2", "sq", "mg1", "mgs",
        // dose forms
        "tablet", "tablets", "tab", "tabs", "capsule", "capsules", "cap", "caps", "caplet", "caplets", "pill", "pills",
        "solution", "soln", "suspension", "susp", "syrup", "elixir", "liquid", "drops", "drop", "emulsion", "concentrate",
        "injection", "injectable", "inj", "infusion", "vial", "ampule", "ampoule", "syringe", "prefilled", "cartridge", "pen",
        "auto", "injector", "autoinjector", "inhaler", "inhalation", "inhal", "inh", "nebulizer", "nebuliser", "neb",
        "metered", "aerosol", "powder", "spray", "nasal", "patch", "patches", "transdermal", "film", "films", "strip",
        "cream", "ointment", "gel", "lotion", "foam", "shampoo", "topical", "ophthalmic", "otic", "suppository",
        "suppositories", "rectal", "vaginal", "enema", "lozenge", "troche", "gum", "chewable", "chew", "granules",
        "packet", "sachet", "kit", "pack", "disintegrating", "dispersible", "effervescent", "coated", "enteric", "ec",
        "sublingual", "buccal", "implant", "insert", "pump", "oral", "po", "iv", "im", "sc", "subcut", "subcutaneous",
        "intravenous", "intramuscular", "intrathecal", "premix", "premixed", "bag", "flush", "diluent", "vl", "inhl",
        "bottle", "glass", "irrigation", "mini", "excel", "sprinkle", "sprinkles", "oint", "liq", "ophth", "opht",
        "sod", "preserv", "ring", "system", "intrauterine", "diskus", "replacement",
        // release types
        "extended", "delayed", "release", "released", "sustained", "controlled", "modified", "immediate", "er", "xr", "sr",
        "cr", "xl", "la", "dr", "ir", "cd", "odt", "hfa", "dpi", "mdi", "ds",
        // salts, esters and hydrates
        "hydrochloride", "hcl", "hydrobromide", "hbr", "sulfate", "sulphate", "bisulfate", "maleate", "mesylate",
        "besylate", "tartrate", "bitartrate", "succinate", "citrate", "acetate", "diacetate", "phosphate", "fumarate",
        "hemifumarate", "malate", "oxalate", "bromide", "chloride", "sodium", "potassium", "calcium", "magnesium",
        "disodium", "dipotassium", "dihydrate", "monohydrate", "trihydrate", "hemihydrate", "anhydrous", "hydrate",
        "decanoate", "enanthate", "palmitate", "propionate", "dipropionate", "valerate", "furoate", "xinafoate",
        "tromethamine", "hyclate", "estolate", "pamoate", "lactate", "gluconate", "carbonate", "hydroxide", "oxide",
        "nitrate", "napsylate", "mandelate", "stearate", "ethylsuccinate", "benzoate", "tosylate", "edisylate",
        "lauroxil", "monohydrochloride", "dihydrochloride", "salt", "base", "free", "na", "pf", "sl",
        // frequency and instructions
        "daily", "bid", "tid", "qid", "qd", "qhs", "hs", "prn", "qam", "qpm", "once", "twice", "as", "needed", "every",
        "morning", "night", "bedtime", "take", "use", "apply", "generic", "brand", "otc", "rx",
    ]

    /// Joining words that carry no meaning of their own in a medication string.
    static let connectorWords: Set<String> = ["with", "and", "in", "of", "w", "per", "plus", "the", "a", "an", "to", "for", "or", "by"]
}
