"""The glossary: one name for each parameter, the same in every function, class and model.

:data:`GLOSSARY` maps each parameter name used in the public API to its meaning;
:data:`SYNONYMS` maps spellings that are *not* used to the glossary name to use instead
(``group_size`` is ``n``, ``discount`` is ``delta``, ``rng`` is ``seed``). A test walks every
public signature and fails on a synonym or on a name missing from the glossary; the docs page
``reference/glossary`` is generated from this module.

The shared vocabulary, in one line each: ``n`` is the number of players or members of a game
or group; ``population`` the size of a finite population; ``threshold`` the number of
cooperators needed; ``delta`` a discount factor; ``noise`` implementation error and
``monitoring_error`` misreported actions; ``assessment_error`` and ``observation`` for
reputations; ``benefit`` and ``cost``; ``beta`` selection intensity and ``mutation`` the
mutation rate; ``seed`` the randomness; ``tol`` a tolerance; ``exact`` exact arithmetic.

This module is at the bottom layer: it imports nothing from the library.
The module runs past the library's ~600 lines because it is one table, the vocabulary, a
line or two per word; splitting it would scatter the one place to look a word up.

See Also
--------
multilateral.types : the types these parameters take (``Number``, ``Seed``).
multilateral.tolerances : the named tolerances that ``tol`` defaults to.

Examples
--------
>>> from multilateral.glossary import GLOSSARY, SYNONYMS, meaning
>>> SYNONYMS["group_size"], SYNONYMS["rng"]
('n', 'seed')
>>> meaning("n")
'Number of players of the game, or of members of the group, coalition or institution.'
>>> meaning("discount")
"'discount' is not used: write 'delta' (Discount factor, ...)"
"""

from __future__ import annotations

from ._namespace import public_dir

__all__ = ["GLOSSARY", "SYNONYMS", "TOPICS", "meaning"]
__dir__ = public_dir(__all__)

#: Topic -> the glossary names it groups (the order of the docs page).
TOPICS: dict[str, dict[str, str]] = {
    "Players, groups and populations": {
        "n": "Number of players of the game, or of members of the group, coalition or "
             "institution.",
        "population": "Size of a finite population (Z), from which groups of ``n`` are drawn.",
        "threshold": "Number of cooperators (or contributions) needed for the good or the "
                     "rule to take effect.",
        "players": "Player labels, one string per player.",
        "player": "A player, by index (0-based) or label.",
        "members": "Member labels of a voting game or institution, one string per member.",
        "member": "A member, by label or index.",
        "coalition": "A set of players or members (labels or indices).",
        "mask": "A coalition as a bitmask: bit ``i`` set when player ``i`` is in it.",
        "blocs": "Mapping from bloc label to its members; a bloc votes as one member.",
        "label": "A display label.",
        "name": "A short name shown in reprs and reports.",
        "i": "A player index.",
        "j": "A second player index.",
        "k": "A count: the number of *other* players who cooperate (anonymous games), or of "
             "rounds or strategies where the docstring says so.",
        "m": "Number of cooperators among the ``n`` players.",
        "n_left": "Number of owners of a left glove (glove game).",
        "n_right": "Number of owners of a right glove (glove game).",
        "n_actions": "Number of actions of each player.",
        "n_strategies": "Number of strategies present in a population.",
        "max_n": "Largest number of players or members to consider.",
        "n_max": "Largest group size searched.",
        "sizes": "Several group sizes ``n`` at which to evaluate.",
    },
    "Payoffs and games": {
        "game": "A game object from :mod:`multilateral.games`.",
        "games": "Several game objects.",
        "stage": "The stage game of a repeated game (a ``NormalFormGame``).",
        "payoffs": "Payoff array, ``(n_1, ..., n_N, N)``; integers and Fractions stay exact.",
        "payoff": "A payoff, or a payoff matrix ``A[i, j]`` of strategy ``i`` against ``j``.",
        "row": "Row player's 2x2 payoff matrix.",
        "col": "Column player's 2x2 payoff matrix.",
        "T": "Temptation: a defector's payoff against a cooperator.",
        "R": "Reward: each player's payoff when both cooperate.",
        "P": "Punishment: each player's payoff when both defect.",
        "S": "Sucker's payoff: a cooperator's payoff against a defector.",
        "cooperator": "Payoffs to a cooperator when ``k = 0..n-1`` others cooperate.",
        "defector": "Payoffs to a defector when ``k = 0..n-1`` others cooperate.",
        "actions": "Action labels, one sequence per player.",
        "action": "An action (index or label).",
        "children": "A node's children in a game tree, by index (in the order of its actions).",
        "perfect_information": "Every information set a single node (random game trees).",
        "chance": "Include chance moves (random game trees).",
        "max_actions": "Largest number of actions at a node of a random game tree.",
        "max_nodes": "Largest number of nodes of a random game tree.",
        "max_equilibria": "Stop with an error past this many equilibria (ties can multiply them).",
        "outcome_labels": "One label per terminal node (outcome) of a game tree.",
        "node_labels": "One label per node of a game tree.",
        "infoset_labels": "One label per information set.",
        "action_labels": "The label of the action leading into each node of a game tree.",
        "chance_probability": "Probability of chance's move into each node of a game tree (1 "
                              "where chance does not move).",
        "n_children": "Number of children (actions) of each node of a game tree, nodes in "
                      "level order.",
        "reduced": "Build the reduced normal form (strategies that differ only at information "
                   "sets their own moves exclude are merged).",
        "nodes": "Nodes of an extensive-form game, by index.",
        "node": "A node of an extensive-form game, by index (level order, root 0).",
        "infoset": "An information set: its label (tree description), or its index per node "
                   "(-1 off decision nodes).",
        "moves": "A tree node's moves: action label -> subtree (``Decision``), or -> "
                 "(probability, subtree) (``Chance``).",
        "tree": "The root of an extensive-form game's tree description: a ``Decision``, "
                "``Chance`` or ``Outcome`` (:mod:`multilateral.games.extensive`).",
        "types": "A signalling game's sender types (labels), one per probability of the "
                 "``prior``.",
        "messages": "A signalling game's messages (labels): what the sender can send.",
        "sender_payoffs": "A signalling game's sender payoffs ``u_S(type, message, action)``.",
        "receiver_payoffs": "A signalling game's receiver payoffs ``u_R(type, message, "
                            "action)``.",
        "mixed": "Also find mixed-strategy equilibria (by support enumeration), not only "
                 "pure ones.",
        "belief": "A probability distribution over the nodes of an information set (a "
                  "signalling game: over the sender's types).",
        "equilibrium": "An equilibrium result object, as returned by a solver.",
        "benefit": "Benefit of the good, or of being helped, to each recipient: one number, "
                   "the same for everyone. Where the docstring says so it may instead be one "
                   "number per member (``SelfEnforcingAgreement``, ``PublicGoodProvision``: a "
                   "number or a sequence); ``MagicNumber`` takes the benefit *function* of the "
                   "covered share (a name or a callable). Compare ``benefits``.",
        "cost": "Cost of cooperating (contributing, helping) to the one who does it: one "
                "number, the same for everyone; where the docstring says so, a number or one "
                "per member (``SelfEnforcingAgreement``). Compare ``costs``.",
        "ratio": "Benefit-to-cost ratio ``benefit / cost``.",
        "risk": "Probability that a group short of its ``threshold`` loses everything "
                "(collective-risk dilemma).",
        "endowment": "What each player holds before contributing (``cost`` is then a fraction "
                     "of it).",
        "refund": "Return contributions when the ``threshold`` is missed (a money-back "
                  "guarantee).",
        "r": "Multiplication factor of a linear public goods game (the pot is multiplied by r).",
        "mpcr": "Marginal per-capita return ``r / n`` of a public goods game.",
        "values": "Coalition values ``v(S)`` of a TU game, indexed by bitmask.",
        "coalition_values": "Mapping from coalitions to their values ``v(S)``.",
        "default": "Value of every coalition not listed.",
        "func": "A function of a coalition (frozenset of indices) returning its value.",
        "estate": "Estate to divide in a bankruptcy game.",
        "claims": "Claims on the estate in a bankruptcy game, one per player.",
        "weights": "Weights, one per member: voting weights, or (forum choice) coverage "
                   "shares.",
        "quota": "Weight a coalition needs to win.",
        "rule": "How component games combine: ``'all'`` (intersection) or ``'any'`` (union).",
        "profile": "A strategy profile: one (mixed) strategy or automaton per player.",
        "x": "Probability of cooperating, or a population state (frequencies).",
        "x0": "Initial population state.",
        "strategy": "One strategy (a mixed strategy, or an index into the game's strategies).",
        "strategies": "Several strategies (automata, norms or mixed strategies).",
        "allocation": "A payoff vector over players (an imputation).",
        "individually_rational": "Restrict to individually rational allocations.",
    },
    "Time, errors and information": {
        "delta": "Discount factor, or the probability that the game continues after a round "
                 "(Oye's shadow of the future); ``0 <= delta < 1``.",
        "noise": "Implementation (execution) error: probability that an intended action is "
                 "replaced by another.",
        "monitoring_error": "Probability that an action is misreported in the public signal.",
        "signal": "The public signal technology under imperfect monitoring "
                  "(``PublicMonitoring``): ``'aggregate'`` (bad when the recorded total falls "
                  "short, so false alarms accumulate with ``n``) or ``'audit'`` (one random "
                  "member's record is published).",
        "assessment_error": "Probability that an observer assigns the wrong reputation.",
        "observation": "Probability that an interaction is observed (by an observer or by "
                       "all).",
        "knowledge": "Probability that a donor knows the recipient's reputation or account "
                     "(Nowak's q); an uninformed donor gives the benefit of the doubt.",
        "assessment": "Reputation assessment: a norm's assessment rule (an integer 0..255), or "
                      "who assesses in a model: ``'public'`` (one shared image per member) or "
                      "``'private'`` (each observer its own view).",
        "norm": "A social norm of indirect reciprocity: an assessment rule and an action rule "
                "(a ``Norm``, a name such as ``'stern judging'``, or a pair of integers).",
        "donor": "The donor's reputation, ``'G'`` (good) or ``'B'`` (bad).",
        "recipient": "The recipient's reputation, ``'G'`` (good) or ``'B'`` (bad).",
        "good": "The situations a norm assesses as good: keys such as ``'GGC'`` (donor's and "
                "recipient's reputations, action).",
        "credit": "Balance reciprocity: how many helps a member may receive beyond those it "
                  "gave and keep its standing with the group (Ruggie's rough equivalence).",
        "turns": "Number of rounds of a match.",
        "rounds": "Number of rounds (of a simulation or of punishment).",
        "repetitions": "Number of independent repetitions of a match or simulation.",
        "replicates": "Number of independent replicate runs.",
        "burn_in": "Rounds discarded before measuring.",
        "generosity": "Probability of forgiving a defection (Generous Tit for Tat).",
        "p": "A probability, as named in the docstring.",
        "state": "A state of an automaton or a Markov chain.",
        "states": "State labels.",
        "initial": "Initial state (or distribution over states).",
        "transitions": "Transition table of an automaton.",
        "own": "The player's own action.",
        "other": "The other player's action.",
    },
    "Evolutionary dynamics": {
        "beta": "Intensity of selection: how strongly payoffs drive imitation or "
                "reproduction, read by ``process``. For the Fermi (pairwise comparison) "
                "process, the inverse temperature in ``1 / (1 + exp(-beta * payoff "
                "difference))``, ``>= 0``; for the Moran process, the intensity of selection "
                "``w`` in the fitness ``1 - w + w * payoff`` (Nowak et al. 2004), in "
                "``[0, 1]``. 0 is neutral drift.",
        "mutation": "Mutation (exploration) rate.",
        "resident": "The resident strategy.",
        "invader": "The invading (mutant) strategy.",
        "mutant": "The mutant strategy.",
        "frequencies": "Shares of the strategies in a population (non-negative, summing to "
                       "one).",
        "frequency": "Share of one strategy (e.g. the reciprocators) in a two-strategy "
                     "population, in ``[0, 1]``.",
        "process": "The update process: ``'fermi'`` (pairwise comparison: imitation) or "
                   "``'moran'`` (birth proportional to fitness, random death).",
        "fitness_difference": "Strategy A's fitness advantage ``f_A(k) - f_B(k)`` over B "
                              "when ``k`` of the ``Z`` individuals play A, for "
                              "``k = 0..Z``.",
        "fitness_a": "Strategy A's fitness ``f_A(k)`` when ``k`` of the ``Z`` individuals "
                     "play A, for ``k = 0..Z``.",
        "fitness_b": "Strategy B's fitness ``f_B(k)`` when ``k`` of the ``Z`` individuals "
                     "play A, for ``k = 0..Z``.",
        "matrix": "A transition matrix.",
        "t": "Times at which to report the trajectory.",
        "atol": "Absolute tolerance of the ODE integrator.",
        "rtol": "Relative tolerance of the ODE integrator.",
        "method": "The algorithm to use, as named in the docstring.",
        "draws": "Number of draws (hypergeometric sampling).",
        "successes": "Number of successes in the population (hypergeometric sampling).",
        "skip_continua": "Skip supports whose rest points form a continuum.",
        "others_only": "Exclude the focal player when counting cooperators.",
        "distribution": "A probability distribution over population states (e.g. a "
                        "stationary distribution over ``k = 0..Z``).",
    },
    "Treaties, alliances, crises and forums": {
        "model": "A model object from :mod:`multilateral.models`.",
        "tie": "What a country indifferent between signing and not does: ``'join'`` or "
               "``'stay_out'`` (self-enforcing agreements).",
        "specification": "Which abatement game a self-enforcing agreement uses: ``'linear'``, "
                         "``'binary'`` or ``'barrett'``.",
        "multiplicity": "How many identical countries share each type's parameters, one positive "
                        "integer per type (asymmetric agreements).",
        "transfers": "Whether members may pay each other to stay in a coalition (stability "
                     "with transfers: potential internal stability).",
        "timing": "Whether treaty signatories lead (``'stackelberg'``) or move with the others "
                  "(``'nash'``).",
        "others_weight": "Pledge-and-review (Harstad 2023): the weight, in ``(0, 1]``, a "
                         "pledger's asymmetric Nash product puts on each other participant's "
                         "payoff relative to its own (1: the top-down joint target).",
        "review": "Probability, in ``[0, 1]``, that a review of pledges detects a "
                  "participant's shortfall (pledge-and-review).",
        "procedure": "How a treaty's commitments are bargained: ``'pledge_and_review'`` (each "
                     "participant pledges its own) or ``'top_down'`` (joint targets).",
        "weak_review": "Strategies: draw pledge-and-review models whose review probability is "
                       "below a quarter of ``others_weight`` (a weak review) instead of 1.",
        "a": "Barrett's (1994) saturation: the global abatement at which the marginal benefit "
             "of abatement vanishes; in voluntary provision, the Cobb-Douglas weight on the "
             "private good.",
        "abate_when_indifferent": "Whether a country or coalition indifferent about abating "
                                  "abates (binary abatement).",
        "structure": "An alliance structure: ``'bilateral'`` (hub and spokes) or "
                     "``'multilateral'``; in ``NestedCores``, ``'flat'`` (one group) or "
                     "``'nested'`` (a federation of subgroups).",
        "controller": "Power (capabilities) of the state seeking control (Cha's powerplay).",
        "controlled": "Power of the state to be controlled, Cha's *target* (powerplay).",
        "others": "Total power of the other members of a would-be multilateral body; for a "
                  "club, the number of unnamed members sharing the remaining weight.",
        "alignment": "Share of the other members' power that sides with the controller.",
        "stakes": "What prevailing is worth to the controller.",
        "enforcement_cost": "Capabilities needed per unit of the controlled state's power to "
                            "control it.",
        "great": "Power of a great power.",
        "small": "Power of a small power.",
        "allies": "Number of small allies of a great power (the body has ``allies + 1`` "
                  "members).",
        "adventurism": "Probability that an ally attempts a risky action that would entrap "
                       "its great power.",
        "entrapment_cost": "The great power's cost when an ally's adventure goes "
                           "unrestrained.",
        "dependence": "Probability that a rogue ally backs down when its great power "
                      "withholds support.",
        "binding_value": "Value per ally to the great power of a multilateral structure.",
        "support": "Probability that another ally votes with the great power to restrain a "
                   "rogue ally.",
        "adventure_gain": "What a rogue ally gains from an unrestrained adventure.",
        "burden_cost": "What a multilateral structure costs each ally.",
        "great_power_adventurism": "Probability that the great power attempts a risky action "
                                   "of its own.",
        "ally_entrapment_cost": "An ally's cost when its great power's adventure goes "
                                "unrestrained.",
        "ally_restraint": "Probability that an ally votes to bind its great power.",
        "max_allies": "Largest number of allies drawn.",
        "fears_entrapment": "Draw only great powers whose entrapment fear exceeds the "
                            "threshold of bilateral control.",
        "prize": "What standing firm wins in a crisis when the other side backs down "
                 "(``T - R``).",
        "humiliation": "What backing down alone costs in a crisis (``R - S``).",
        "war_cost": "What war costs each side of a crisis (``R - P``).",
        "win_probability": "Probability that state A wins a war (Fearon's ``p``).",
        "cost_a": "State A's cost of war (Fearon's ``c_A``), known to both.",
        "cost_b_low": "Lowest of state B's possible costs of war (uniform, B's private "
                      "information).",
        "cost_b_high": "Highest of state B's possible costs of war (uniform, B's private "
                       "information).",
        "cost_b": "State B's cost of war (Fearon's ``c_B``).",
        "offer": "A proposed division of the disputed good: A's share ``x`` (B keeps "
                 "``1 - x``).",
        "mediator_bias": "Weight an informed mediator puts on the payoff of the side it "
                         "counsels (state A; the defender), the rest on the other side's; "
                         "1/2 weighs both equally (Kydd 2003).",
        "first_strike": "What attacking a state that keeps the peace is worth (Chassang and "
                        "Padró i Miquel's predatory payoff ``b``).",
        "war_payoff": "What mutual attack (war) is worth to each state in a game of "
                      "preemption.",
        "exposure": "What being attacked while keeping the peace costs a state (its payoff "
                    "is ``-exposure``).",
        "signal_noise": "Half-width of the uniform error on a state's private signal of the "
                        "value of peace (a global game's noise).",
        "peace_value": "What peace is worth to each state (the global game's state θ).",
        "superiority": "What arming gains a state against a rival that refrains (Baliga and "
                       "Sjöström's arms race; ``μ``).",
        "vulnerability": "What arming avoids against a rival that arms: the loss of being the "
                         "one left unarmed (``d``, above ``superiority``).",
        "cost_low": "Lowest of a state's possible private costs of arming (uniform).",
        "cost_high": "Highest of a state's possible private costs of arming (uniform).",
        "arming_cost": "A state's cost of arming (its type in the arms race).",
        "cost_distribution": "The distribution of each state's private cost of arming (a "
                             "frozen ``scipy.stats`` distribution).",
        "cutoff": "A cutoff strategy's threshold type: a state arms iff its cost of arming is "
                  "at most it.",
        "hawk_probability": "Prior probability that a state is strong (a hawk) rather than "
                            "weak (Hörner, Morelli and Squintani's ``q``).",
        "hawk_advantage": "Probability that a strong state wins a war against a weak one "
                          "(Hörner, Morelli and Squintani's θ, above 1/2).",
        "reported_cost": "The cost of war a mediator reports for state B (its true cost is "
                         "``cost_b``).",
        "prior": "Probability that the challenger is resolved (the defender's prior belief); "
                 "in a signalling game, one probability per sender type.",
        "audience_cost": "What a leader loses at home by backing down after a public threat.",
        "resolved_war": "A resolved challenger's payoff from war.",
        "irresolute_war": "An irresolute challenger's payoff from war (negative).",
        "defender_war_cost": "What war costs the defender in a crisis (conceding costs 1).",
        "forum": "Where cooperation runs: ``'universal'`` or ``'club'``.",
        "legitimacy": "Premium of a universal agreement: it is worth ``1 + legitimacy`` times "
                      "the benefit.",
        "coverage_returns": "Returns to coverage: a club covering the share ``s`` is worth "
                            "``s ** coverage_returns`` of the benefit.",
        "gain_probability": "Probability that another state gains from an agreement.",
        "ideals": "Each state's ideal depth of cooperation in ``[0, 1]`` (0: none), one per "
                  "state (breadth against depth).",
        "breadth_value": "What belonging to an agreement of all ``n`` states is worth, in units "
                         "of depth; an ``m``-member agreement is worth ``breadth_value m / n``.",
        "founders": "How many of the most committed states found an agreement that others "
                    "join later.",
        "hurdles": "Per country: the share of the world that must adopt before adopting pays "
                   "(tipping).",
        "mean": "Mean of normally distributed positions.",
        "spread": "Standard deviation of normally distributed positions (heterogeneity).",
        "positions": "Each member's threshold in ``[0, 1]``: it wants the audience's support "
                     "iff the merit of the action is at least this (legitimacy as information).",
        "audience": "The audience's threshold in ``[0, 1]``: it supports an action iff its "
                    "expected merit is at least this.",
        "seeker": "Threshold of the state seeking a body's endorsement (it wants support iff "
                  "the merit is at least this).",
        "vetoes": "Indices of the members whose approval a decision also requires.",
        "episode": "A case's episode: the label of one historical sequence of decisions.",
        "universal": "The body with the universal (most inclusive) membership, set against a "
                     "club.",
        "power": "A rising state's share of influence in a body built today from its "
                 "resources (outside options, Lipscy).",
        "influence": "A state's current share of influence (votes) in an institution.",
        "outside_cost": "What going outside an institution costs (regime shifting or "
                        "creation); low where the policy area is competitive.",
        "network": "An institution's network value to a member, lost by leaving it.",
        "scope": "Share of a policy area a parallel (layered) body can cover.",
        "flexibility": "The largest rise in a member's share an institution's rules let it "
                       "grant.",
        "growth": "The rise in a state's power per period.",
        "ruling_value": "What a favourable ruling against a defendant's measure is worth to "
                        "the complainant (forum shopping, Busch).",
        "win_regional": "Probability that a regional dispute-settlement forum rules for the "
                        "complainant.",
        "win_multilateral": "Probability that the multilateral forum (the WTO) rules for the "
                            "complainant.",
        "offense": "Value to a complainant, per member bound by a precedent, of litigating "
                   "against that member with it (Busch).",
        "defense": "Cost to a complainant, per member bound by a precedent, of that member "
                   "litigating against it with the precedent (Busch).",
        "regional_members": "Number of parties to a regional agreement (complainant and "
                            "defendant included).",
        "block_cost": "A defendant's cost of blocking a regional panel; None: it cannot "
                      "block.",
        "blocking": "Draw models in which the defendant can block a regional panel (True), "
                    "cannot (False), or either (None).",
        "caucus": "Number of members of a caucus that votes as one bloc.",
        "index": "A power index, by name (``'shapley_shubik'``, ``'banzhaf'``, ...).",
        "uncertainty": "Variance of a shift in a state's share of an agreement's gains "
                       "(Koremenos's distributional uncertainty).",
        "risk_aversion": "Coefficient of absolute risk aversion (0: risk neutral).",
        "relative_weight": "Snidal's ``r`` in [0, 1]: the weight a state puts on its gain "
                           "relative to the other states' mean (0: absolute gains only).",
        "cost_of_fighting": "One-off cost of a war to the state that starts it (Powell's "
                            "relative gains from the use of force).",
        "conversion": "Probability that an economic advantage converts into military victory "
                      "(``PowellGains``: the exploiter's attack succeeds).",
        "club_values": "Each state's gross value of each rival club's good: shape ``(n, 2)`` "
                       "(``RivalClubs``, Buchanan clubs).",
        "facility_cost": "The cost of a club's good, shared equally by its members (Buchanan "
                         "1965; ``RivalClubs``).",
        "congestion": "Crowding in a club: the loss to each member per other member "
                      "(Buchanan 1965; ``RivalClubs``).",
        "hedging_cost": "What a member of both rival clubs loses for belonging to the other "
                        "(its cost of dual membership; ``RivalClubs``).",
        "exclusive": "Whether rival clubs bar dual members (``RivalClubs``).",
        "club": "One of two rival clubs, by index: 0 (``A``) or 1 (``B``).",
        "fee": "A club's membership fee, paid by each member to the club's sponsor "
               "(``ClubExclusivity``).",
        "member_value": "What a club's sponsor gains per member of its club: reach, votes, "
                        "legitimacy (``ClubExclusivity``).",
        "loyalty": "What a club's sponsor gains, beyond ``member_value``, per member that "
                   "belongs to its club alone: alignment, a state that cannot turn to the "
                   "rival (``ClubExclusivity``).",
        "exclusion_cost": "What enforcing an exclusive membership rule costs the club's "
                          "sponsor (``ClubExclusivity``).",
        "rules": "A pair of membership rules, club ``A``'s and club ``B``'s: ``'open'`` "
                 "(members may join the rival) or ``'exclusive'`` (``ClubExclusivity``).",
        "rival_rule": "The rival club's membership rule, ``'open'`` or ``'exclusive'`` "
                      "(``ClubExclusivity``).",
        "renegotiation_cost": "What one renegotiation of an agreement costs each state.",
        "shock_probability": "Probability that the distribution of an agreement's gains "
                             "shifts in a period.",
        "duration": "Periods until an agreement expires and is renegotiated (None: "
                    "indefinite).",
        "credibility_gain": "Proportional gain of binding (formal) commitments: the "
                            "cooperative gain is worth ``1 + credibility_gain`` times as much.",
        "sovereignty_cost": "What a binding (formal) form costs each state a period.",
        "form": "An agreement's legal form: ``'formal'`` (binding) or ``'informal'``.",
        "temptation": "What protection is worth to a government under the highest domestic "
                      "pressure (escape clauses).",
        "harm": "What one government's protection costs its partner.",
        "agreement_value": "What a government forfeits by breaking an agreement (the "
                           "discounted value of cooperating on).",
        "escape_cost": "The prenegotiated cost of using an escape clause (None: no clause).",
        "breach_premium": "How much more protection breaking an agreement brings than "
                          "using its escape clause, as a share (escape clauses).",
    },
    "Collective goods, conditional cooperation and clubs": {
        "incomes": "Each member's income ``w_i`` (voluntary provision of a collective good).",
        "income": "The income of each of several identical members.",
        "tariff": "A climate club's uniform penalty tariff on imports from non-members "
                  "(Nordhaus 2015; >= 0).",
        "tariffs": "Several penalty tariffs to compare (a sweep of ``tariff``).",
        "trade": "Each country's exports, in payoff units: the base a penalty tariff falls on "
                 "(in a trade restriction, the gains from trade).",
        "trade_shares": "Each country's share of world imports (non-negative, summing to "
                        "one); a country exports to a partner in proportion to it.",
        "imposing_cost": "A club member's cost per unit of tariff-weighted imports from "
                         "non-members (>= 0): what imposing the penalty costs the imposer.",
        "club_good": "Buchanan's excludable benefit that each club member receives.",
        "target_price": "Nordhaus's agreed international target carbon price: members abate "
                        "until their marginal cost reaches it.",
        "theta": "Crowding of a collective good, in ``[0, 1]``: 0 a pure public good, 1 fully "
                 "rival (each member consumes ``G / n**theta``).",
        "aggregation": "How contributions make a collective good: ``'sum'``, "
                       "``'weakest_link'`` or ``'best_shot'`` (Hirshleifer).",
        "shares": "Each member's share of a total (non-negative, summing to one).",
        "total": "The total that ``shares`` divide.",
        "contributions": "Each member's contribution to a collective good.",
        "unit": "The step of a grid of contributions (a discrete version of a game).",
        "larger": "A larger group size to compare with the model's ``n``.",
        "valuations": "Each member's valuation of one unit of a collective good.",
        "costs": "Each member's cost of joining an agreement: always a sequence, one per "
                 "member.",
        "payer_gain": "What a great power gains from the others' participation (side "
                      "payments).",
        "detection": "Probability that a defection is detected in the round it happens "
                     "(Oye's transparency); a number or a function of ``n``.",
        "attribution": "Whether a detected defector is identified (targeted sanctions need "
                       "it).",
        "sanction": "How defection is punished: ``'untargeted'`` (all cooperation stops) or "
                    "``'targeted'`` (the defector alone is excluded).",
        "punishment_rounds": "Rounds a detected defector is punished (``None``: forever).",
        "sanction_cost": "What administering a targeted sanction costs each punisher each "
                         "round (who pays to punish).",
        "credibility": "What a punishment must be: ``'subgame_perfect'`` (collective "
                       "reversion credible by assumption) or ``'renegotiation_proof'`` (weakly "
                       "renegotiation-proof, Farrell and Maskin 1989).",
        "subgroups": "The subgroups of a federation (``NestedCores``): their number ``k`` "
                     "(equal sizes) or their sizes, which partition the ``n`` members.",
        "selective_incentive": "The centre's sanction on a subgroup whose record shows a "
                               "defection, as a share in [0, 1] of what the rest of a "
                               "cooperating federation gives its members (Bendor and "
                               "Mookherjee's centrally administered selective incentive; "
                               "``NestedCores``).",
        "benefits": "Each member's benefit (or return, or interest): always a sequence, one "
                    "per member, because the members differ (``ConditionalCooperation``, "
                    "``ForumChoice``, ``side_payments``). One number for everyone is "
                    "``benefit``.",
        "parts": "Number of rounds a period's stakes are split into (Oye's decomposition).",
        "interests": "Member types of ``CommonInterests``: each a sequence of what a member of "
                     "that type gains (negative: loses) from an agreement on each issue.",
        "prevalence": "Probability of each member type in ``interests`` (summing to one).",
        "contact_cost": "Transaction and information cost of one negotiating channel between "
                        "two members on one issue, shared by the two (``CommonInterests``).",
        "channels": "How members negotiate: ``'pairwise'`` (every pair, ``n (n - 1) / 2`` "
                    "channels) or ``'regime'`` (each member with a regime, ``n`` channels).",
        "issue": "Index of one issue (``None``: the linked package of all issues).",
        "linked": "Negotiate all issues as one package (``True``) or each on its own.",
        "group": "A realized group: one type index (into ``interests``) per member.",
        "first": "The first of two issues, as ``(T, R, P)``.",
        "second": "The second of two issues, as ``(T, R, P)``.",
        "labels": "Member labels, one string per weight.",
        "scale": "The benefit of covering everything (a club's benefit function).",
        "cooperation": "A conditional-cooperation model that says which clubs hold.",
        "normalize": "Divide the weights by their total.",
        "coverage": "A share of the total weight a club must reach.",
        "share": "A covered share, in ``[0, 1]``.",
        "normalization": "Which return of a public good is held fixed as ``n`` varies: the "
                         "multiplier ``'r'`` or the marginal per-capita return ``'mpcr'``.",
        "crowded": "Draw only goods crowded enough that per-member provision falls with size.",
        "identical": "Draw identical members (one income, one preference).",
        "common_preferences": "One preference parameter for all members, incomes differing.",
        "utility": "The preference family: ``'cobb_douglas'`` or ``'quasi_linear'``.",
    },
    "Computation": {
        "tol": "Numerical tolerance (default: a constant from :mod:`multilateral.tolerances`).",
        "exact": "Compute in exact arithmetic (Fractions, sympy); ``None`` chooses from the "
                 "input.",
        "symbolic": "Return a sympy expression in the payoff symbols.",
        "grid": "Number of grid points of a numerical scan.",
        "seed": "Randomness: an int, a ``numpy.random.Generator`` or a ``SeedSequence``.",
        "normalized": "Normalize the index to sum to one.",
        "objective": "What to optimize, as named in the docstring.",
        "kind": "Which variant to compute, as named in the docstring (e.g. ``'specific'`` or "
                "``'diffuse'`` reciprocity).",
        "margin": "A multiple of the error rate within which a quantity counts as at its "
                  "error-free value (e.g. residents good and cooperating, in a norm scan).",
        "maximize": "Maximize (rather than minimize) the objective.",
        "by": "What to eliminate by, as named in the docstring.",
        "initial_dropped_label": "The label dropped first by Lemke-Howson.",
        "max_vertices": "Size guard of vertex enumeration: refuse a game whose best-response "
                        "polytopes may have more vertices than this (upper bound theorem).",
    },
    "Results": {
        "value": "The number a result holds (a threshold's critical value), exact when it is.",
        "parameter": "The name of the model parameter a threshold is about (a glossary word, "
                     "or an expression in glossary words).",
        "holds_above": "Whether the property holds at or above a threshold (True) or at or "
                       "below it (False).",
    },
    "Estimation from data": {
        "outcomes": "Observed outcomes of a game, one per observation (the outcome's number "
                    "or name, or 0/1 columns of the players' moves).",
        "regressors": "Covariates of each utility equation: a mapping from the equation's "
                      "name (``'u11'``, ``'u13'``, ...) to a matrix with one row per "
                      "observation, a mapping from regressor names to columns, or a "
                      "DataFrame; in ``predict``, ``None`` means the fitted data.",
        "link": "The distribution of the errors: ``'probit'`` (normal) or ``'logit'`` "
                "(type I extreme value).",
        "coefficients": "True or estimated coefficients of each utility equation, a mapping "
                        "from the equation's name to its vector.",
        "negloglik": "A negative log-likelihood: a function of the parameter vector.",
        "gradient": "The gradient of a function of the parameter vector (finite differences "
                    "if None).",
        "start": "Starting values of an optimization.",
        "names": "One name per parameter.",
        "n_obs": "Number of observations.",
        "outcome_names": "The names of the outcomes whose probabilities a fit predicts.",
        "predictor": "A function of the parameters and the regressors giving the outcome "
                     "probabilities.",
        "level": "Coverage probability of a confidence interval.",
        "digits": "Decimal places shown.",
        "fits": "Fitted models (``FitResult``): a table's columns, or the pair a test "
                "compares.",
        "correction": "Penalty for the number of parameters in a model comparison: "
                      "``'none'``, ``'akaike'`` or ``'schwarz'``.",
        "basis": "Basis payoff arrays by name, each of the game's payoff shape: an "
                 "observation's payoffs are the game's plus each basis times its "
                 "covariates' linear index.",
        "choices": "Observed choices, one row per observation and one column per player "
                   "(the action's index or label).",
    },
    "Quantal response": {
        "lam": "Precision of logit quantal responses (lambda, >= 0): 0 is uniform play, "
               "large values nearly best responses.",
        "lam_max": "Largest ``lam`` a QRE branch is traced to (``math.inf``: until an "
                   "approximate Nash equilibrium).",
        "max_regret": "Largest regret, relative to the payoff range, at which an unbounded "
                      "QRE trace stops.",
        "first_step": "Arclength of the first predictor step of a path-following method.",
        "max_steps": "Most steps a path-following method takes before giving up.",
        "counts": "Observed choice counts, one non-negative vector per player (or "
                  "information set).",
        "after": "Index of a point of a traced branch: only the branch from it on is used.",
        "branch": "A traced QRE branch of the game (from ``qre_branch``), reused across "
                  "fits.",
        "directions": "Payoff arrays of the game's shape along which derivatives of the "
                      "QRE are taken.",
    },
    "Case data": {
        "date": "A day, as a ``datetime.date`` or an ISO string ``'YYYY-MM-DD'``: the state "
                "of the records on that day (``None``, where allowed: every row).",
        "grouping": "A named grouping of states in ``cases.alliances`` (``'g7'``, ``'g20'``, "
                    "``'quad'``, ``'aukus'``).",
        "institution": "An institution of ``cases.informal`` (``'wto'``, ``'nato'``, "
                       "``'g20'``, ``'quad'``).",
        "attribute": "A fact's name in a case table (``'secretariat'``, ``'decision_rule'``).",
        "include_residual": "Include the table's residual row (the rest of the world), which "
                            "is not an actor.",
        "majority": "Share of the total votes a decision needs (the IMF's special majority "
                    "``85/100``), or ``'simple'``: more than half.",
        "period": "Which of an institution's historical rules, by name (the Security "
                  "Council's ``'pre-1965'`` or ``'post-1965'``).",
        "year": "A calendar year of a case table (``cases.cbam.phase_in_share``).",
        "matter": "Kind of decision, which sets the voting rule: ``'substantive'`` or "
                  "``'procedural'`` (Security Council).",
        "measure": "What a share in a case table counts: ``'votes'``, ``'capital'``, a quota "
                   "(``cases.aiib.share``).",
        "years": "Calendar years of a case table, as an array of integers "
                 "(``cases.great_powers.counts``).",
        "month": "A month of the year, 1 to 12: with ``day``, the day of each year on which "
                 "a case table is read (``cases.great_powers.counts``).",
        "day": "A day of the month, 1 to 31: with ``month``, the day of each year on which a "
               "case table is read (``cases.great_powers.counts``).",
    },
    "Running, files and figures": {
        "path": "A file path.",
        "text": "File contents as a string.",
        "title": "A title.",
        "version": "File format version.",
        "target": "The function a sweep evaluates.",
        "parameters": "Mapping from parameter name to its values.",
        "sample": "Sampling design of a sweep.",
        "repeats": "Number of runs per parameter point.",
        "backend": "Where to run: ``'serial'``, ``'joblib'`` or ``'dask'``.",
        "n_jobs": "Number of parallel workers.",
        "client": "A dask distributed client.",
        "chunk_size": "Tasks per chunk.",
        "store": "Path of the durable result store.",
        "resume": "What a sweep does with a store whose results an earlier version of the "
                  "target's code computed: ``'same_code'`` refuses, ``'ignore_code_change'`` "
                  "keeps them and computes the missing tasks with the new code.",
        "progress": "Report progress while running.",
        "ax": "A matplotlib Axes to draw on (a new figure if None).",
        "points": "Number of points to plot.",
        "equilibria": "Equilibria to mark.",
        "highlight_equilibria": "Mark the equilibrium cells.",
        "mark_crossings": "Mark where the curves cross.",
        "result": "A result object to draw: a power index, or a sweep's table.",
        "horizontal": "The parameter of a sweep drawn along the horizontal axis.",
        "vertical": "The parameter of a sweep drawn along the vertical axis.",
        "output": "The output column (or columns) of a sweep shown: each cell's value, or the "
                  "height of a curve.",
        "lines": "The parameter of a sweep drawn as one line per value.",
        "step": "Draw a curve as steps between computed values, each holding halfway to its "
                "neighbours.",
        "conclusion": "The column of a sweep that codes a conclusion, shown as the background's "
                      "colour.",
        "groups": "Mapping from a group's label to its members, drawn as one bar (the sum of "
                  "its members' values).",
        "stacked": "Stack the values into one bar per result instead of side by side.",
        "categories": "Mapping from each value an output takes to its name, shown in a legend.",
        "styles": "Mapping from an output's name (or a value of ``lines``) to the matplotlib "
                  "line properties its lines are drawn with.",
        "folder": "Output directory.",
        "out": "Where to write output.",
        "texts": "Text sections to include.",
        "argv": "Command-line arguments.",
        "self_play": "Include each strategy against itself.",
        "claim": "A theory claim.",
        "domain": "The hypothesis strategy that draws instances.",
        "instance": "One instance of a claim's domain.",
        "max_examples": "Number of examples hypothesis draws.",
        "bound": "Largest absolute payoff drawn.",
        "size": "Length of a vector; in ``NestedCores``, the number of members of a "
                "monitored group.",
        "min_weight": "Smallest weight drawn.",
        "max_weight": "Largest weight drawn.",
        "max_step": "Largest step between the group sizes drawn.",
        "min_fraction": "Smallest threshold fraction ``threshold / n`` drawn.",
        "finite": "Draw for finite-population claims (smaller groups, with ``beta`` and "
                  "``mutation``).",
    },
}

#: Parameter name -> its meaning: every name in a public signature.
GLOSSARY: dict[str, str] = {
    name: text for entries in TOPICS.values() for name, text in entries.items()
}

#: A spelling that is not used -> the glossary name to use instead.
SYNONYMS: dict[str, str] = {
    "group_size": "n",
    "n_players": "n",
    "n_members": "n",
    "num_players": "n",
    "number_of_players": "n",
    "players_count": "n",
    "N": "n",
    "pop_size": "population",
    "population_size": "population",
    "Z": "population",
    "M": "threshold",
    "discount": "delta",
    "discount_factor": "delta",
    "error": "noise",
    "errors": "noise",
    "e": "noise",
    "epsilon_noise": "noise",
    "execution_error": "noise",
    "implementation_error": "noise",
    "trembles": "noise",
    "monitoring": "monitoring_error",
    "perception_error": "monitoring_error",
    "q": "observation",
    "observation_probability": "observation",
    "mu": "mutation",
    "mutation_rate": "mutation",
    "w": "beta",
    "selection_intensity": "beta",
    "intensity": "beta",
    "rng": "seed",
    "random_state": "seed",
    "random_seed": "seed",
    "tolerance": "tol",
    "eps": "tol",
    "exact_arithmetic": "exact",
}


def meaning(name: str) -> str:
    """What a parameter name means, or which glossary name replaces it.

    Raises
    ------
    KeyError
        For a name that is neither a glossary word nor a known synonym.

    See Also
    --------
    GLOSSARY : every word and its meaning.
    SYNONYMS : the spellings not used.

    Examples
    --------
    >>> from multilateral.glossary import meaning
    >>> meaning("delta").split(",")[0]
    'Discount factor'
    """
    if name in GLOSSARY:
        return GLOSSARY[name]
    if name in SYNONYMS:
        word = SYNONYMS[name]
        return f"{name!r} is not used: write {word!r} ({GLOSSARY[word].split(',')[0]}, ...)"
    raise KeyError(f"{name!r} is not in the glossary")
