import EarnedDomain

/// Two-factor set-up when the server has no key to seal secrets with: said on the page rather than
/// by a redirect to the account page, which under the owner's requirement leads back here.
struct TwoFactorUnavailablePage {
    var s: Strings
}
