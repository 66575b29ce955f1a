/// The version `strata --version` prints.
public let version = "0.9.0"
