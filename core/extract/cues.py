"""Cue words: which words say a deal is reported, of which type, and which words say it is not."""

from __future__ import annotations

import re

from core.model import DealType

# (type, pattern): every cue found in a clause votes; the strongest type by PRECEDENCE wins.
TYPE_CUES: tuple[tuple[DealType, re.Pattern[str]], ...] = tuple(
    (deal_type, re.compile(pattern, re.I)) for deal_type, pattern in (
        (DealType.GRANT, r"\bgrants?\b(?!\s+\w+\s+loan)|\bsubsid(?:y|ies|ise|ize)|\bdirect funding\b|\bincentives? award"),
        # "a deal worth £500m including debt": the price counts the target's debt; no loan is made.
        (DealType.FINANCING, r"\bloans?\b|\bdebt\b(?<!including debt)(?<!including net debt)(?<!plus debt)(?<!and debt)(?<!assumed debt)(?<!net debt)|\bfinancing\b|\bfinanced\b(?![^.;]{0,80}?\bwith\s+(?:an?|the|its)\s+[^.;]{0,60}?\bfrom\b)|\bcredit facilit|\bcredit lines?\b|\bcredit agreements?\b|\blines? of credit\b"
                             r"|\b(?:revolving|term|lending|bridge|borrowing|liquidity|guarantee|risk[- ]sharing|debt|loan|"
                             r"financing|working capital)\s+facilit(?:y|ies)\b|\bfacilit(?:y|ies)(?<!back-end facility)(?<!production facility)(?<!manufacturing facility)(?<!assembly facility)(?<!packaging facility)(?<!storage facility)(?<!test facility)(?<!research facility)(?<!processing facility)\s+(?:agreement|from|with)\b(?!\s+(?:permitted|a\s+capacity|capacity|an\s+annual|a\s+total|total|installed))|\bbonds?\b|\beurobonds?\b|\bunderwrit|\blend(?:s|ing)?\b(?<!-lend)(?<!-lends)(?<!-lending)|\blent\b|\bborrow(?:s|ed)?\b"
                             r"|\b(?:loan|debt|commercial|senior|first|second|dollar|local-currency)\s+tranches?\b|\btranches?\s+of\b"
                             r"|\barrang(?:e|es|ed|ing)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:facility|facilities|loan|financing)\b"
                             r"|\bsukuks?\b|\bmurabaha\b|\bijara\b|\bwakala\b"
                             r"|\brefinanc|\bsyndicat|\bnotes offering|\bsenior (?:secured )?notes\b|\bnotes due\b|\bbond (?:sale|offering|issue)"),
        # "a startup that sells software", "a firm which buys scrap": what a company does, not a deal. (Lookbehinds go after
        # the word they guard: one leading a pattern makes the search try it at every position, 20% of the parse.)
        (DealType.ACQUISITION, r"\bacqui(?:re|red|ring|sition|sitions)\b|\b(?:acquires|buys|sells)\b(?<!that acquires)(?<!which acquires)(?<!who acquires)(?<!that buys)(?<!which buys)(?<!who buys)(?<!that sells)(?<!which sells)(?<!who sells)"
                               r"|\bbuy(?:ing)?\b|\bbought\b|\btake ?over\b|\btaken over\b"
                               # "snapped up X", "offloaded its stake", "picked up a 35% stake": plain words of trade.
                               r"|\bsnap(?:s|ped|ping)?\s+up\s(?=\s|(?:an?\s+|the\s+|its\s+)?(?:[\w%.-]+\s+){0,3}?(?:stake|shares|"
                               r"holding|interest|business|unit|company|firm|operator|maker|developer)\b)|\boffload(?:s|ed|ing)?\b"
                               r"|\bpick(?:s|ed|ing)?\s+up\s+(?:an?\s+|the\s+|its\s+)?(?:[\w%.-]+\s+){0,3}?(?:stake|shares|holding|interest)\b"
                               r"|\bsell(?:ing)?\b|\bsold\b|\bsale of\b|\bdivest(?:s|ed|ing|ment)?\b|\bchang(?:e|es|ed|ing) hands\b"
                               r"|\bpurchas(?:e|es|ed)\b|\bpurchasing\b(?!\s+(?:power|of|managers?|departments?|agents?|decisions?|habits?|"
                               r"patterns?|teams?|officers?|process|platforms?|groups?|cooperatives?|contracts?|"
                               r"agreements?|arrangements?|terms|polic(?:y|ies)))|\bbuyout\b(?!\s+(?:firms?|groups?|funds?|houses?|specialists?|shops?|giants?|managers?|investors?|arms?|executives?|veterans?|industry|boom|market)\b)|\btender offer\b|\b(?:take|takes|took|taking|taken) control of\b"
                               r"|\b(?:take|takes|took|taking|taken)\s(?:[^.;,]{1,60}?\s)?private\b"
                               # "has won the auction for X, agreeing to pay C$700 million to its owner": the winner buys.
                               r"|\bw(?:on|ins?|inning)\s+(?:the|an)\s+(?:[\w-]+\s+){0,2}?(?:auction|sale\s+process|bidding\s+(?:war|contest|"
                               r"process)|takeover\s+battle)\s+for\b"
                               # "will take a 30% stake in X from Y": shares that had an owner are bought.
                               r"|\b(?:take|takes|took|taking)\s+(?:an?\s+)?[\d.]+\s?(?:%|per\s?cent|percent)\s+(?:stake|holding|interest)"
                               r"\s+in\s+[^.;]{1,60}?\bfrom\s+(?-i:[A-Z])"
                               r"|\bpa(?:y|ys|id|ying)\b(?:[^.;]|\.\d){0,60}?\bfor\s+(?:(?:its|a|an|the|their|his|her)\s+)?"
                               r"(?:[\w%.'’-]+\s+){0,3}?(?:stake|shares|holding|interest|business|unit|assets?|division|operations?)\b"
                               # "agreed to pay $45 per share in cash for Brightline": a price paid for a company.
                               r"|\bpa(?:y|ys|id|ying)\b(?:[^.;]|\.\d){0,30}?\d(?:[^.;]|\.\d){0,40}?\bfor\s+"
                               r"(?!each\b|every\b|(?:the\s+|its\s+|a\s+|an\s+)?(?:rights?|licen[cs]es?|services?|access|work|advice|consult|"
                               r"upgrades?|construction|supply|supplies|deliver|equipment)\b)"),
        # "agreed to combine in an all-share deal", "will combine with Y": two firms become one.
        (DealType.MERGER, r"\bmerg(?:e|er|ers|ed|es|ing)\b|\bcombination\b|\ball-(?:share|stock)\s+(?:deal|transaction|tie-up)\b"
                          r"|\b(?:agree[ds]?|agreeing|plan|plans|will|to)\s+(?:to\s+)?combine\s+(?:with|in|through|via|by)\b"
                          r"|\bcombin(?:e|es|ed|ing)\s+(?:their|its|the|our)\s+(?:[\w-]+\s+){0,3}?(?:operations|businesses|companies)\b"),
        (DealType.JOINT_VENTURE, r"\bjoint[- ]venture\b|\bJVs?\b"),
        (DealType.MOU, r"\bmemorand(?:um|a) of (?:understanding|agreement|cooperation)\b|\bMoUs?\b|\bMOUs?\b|\bletter of intent\b"
                       r"|\bframework agreement\b|\bmemorandum\b|\bpreliminary agreement\b|\bheads of (?:agreement|terms)\b"),
        # "raised its dividend", "raises its forecast": a raise of a figure, not of money.
        (DealType.FUNDING_ROUND, r"\bseries [a-h]\b|\bseed round\b|\bfunding round\b|\braising\b(?!\s+(?:its\s+|the\s+)?(?:production|output|capacity|yields?|awareness|productivity|standards|concerns?|questions?|prices?|the\s+bar))|\b(?:bags?|bagged)\b(?!\s+(?:[^\s;]+\s+){0,7}?(?:orders?|contracts?|deals?|mandates?|projects?|tenders?|agreements?|ppas?|awards?|concessions?|licen[cs]es?)\b)"
                                 r"|\braise[ds]?\b(?!\s+(?:its|the|their|our)\s+(?:[\w-]+\s+){0,3}?(?:dividends?|forecasts?|guidance|budgets?|capex"
                                 r"|outlook|prices?|targets?|rates?|estimates?|profile|concerns?|questions?|awareness|stake)\b"
                                 # "aims to raise production to 2 million tonnes": a raise of output, not of money.
                                 r"|\s+(?:production|output|capacity|yields?|awareness|productivity|standards|wages|"
                                 r"salaries|tariffs|taxes|fees|funds for charity)\b)"
                                 # "The extension, announced on Tuesday, was led by X": more money into a round.
                                 r"|\b(?:extension|top-up)\b(?=[^.;]{0,80}?\bled by\b)"
                                 r"|\bequity (?:investment|portion|round)\b|\bround\b(?!-)|\bfunding\b|\btook part\b"
                                 r"|\bparticipat(?:ed|ing|ion)\s+(?:\w+\s+){0,3}?(?:round|raise|funding)\b"
                                 # "X and other investors have invested in Y": several backers of one company: a round.
                                 r"|\b(?:and|with|among|alongside)\s+(?:several\s+)?other\s+(?:investors|backers)\b"
                                 # "Kalimantan Agro joined as a strategic investor": a backer told after the round.
                                 r"|\bjoin(?:ed|s)?\s+as\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:investors?|backers?|shareholders?)\b"
                                 # "It roped in X and Y as new investors in 2018": backers brought into a company.
                                 r"|\b(?:rop(?:e|es|ed|ing)|br(?:ing|ings|ought|inging))\s+in\s+[^.;]{1,80}?\bas\s+"
                                 r"(?:(?:new|strategic|fresh|its|an?|minority|anchor)\s+){0,2}(?:investors?|backers?|shareholders?)\b"),
        (DealType.CONTRACT, r"\bcontracts?\b(?<!to contract)(?<!to contracts)(?!\s+by\b)|\bawarded\b|\bawards?\b(?<!share award)(?<!stock award)(?<!bonus award)(?<!share awards)(?<!stock awards)(?<!bonus awards)|\bsupply (?:agreement|deal)\b|\bpower purchase agreement\b|\bPPA\b"
                            # "a foundry agreement to manufacture the chip": work done for a customer under contract.
                            r"|\b(?:foundry|manufacturing|contract[- ]manufacturing|maintenance|engineering|procurement|"
                            r"operations and maintenance|o&m|epc)\s+(?:agreement|deal)s?\b"
                            r"|\bcloud deal\b|\boff-?take\b|\bconcessions?\b(?<!tax concession)(?<!tax concessions)(?<!price concessions)|\b(?:were|was|been|are|is)\s+ordered\s+by\b|\bleaseback\b|\bleas(?:e|es|ed|ing)\s+back\b|\blease\s+(?:agreement|deal|contract)s?\b|\blease\s+with\b"
                            # "a 12-year lease X signed in February with Y": a lease of years is a contract.
                            r"|\b(?:\d{1,2}|one|two|three|five|ten|fifteen|twenty)-year\s+(?:[\w-]+\s+){0,2}?leases?\b"
                            # "Redwood will lease 80 megawatts of capacity at X's campus": space rented is a contract.
                            r"|\bleas(?:e|es|ed|ing)\s+(?:[\w,.()-]+\s+){0,4}?(?:capacity|space|sites?|land|hectares|floors?|offices?|towers?|halls?)\b|\border(?:s|ed)? (?:for|from)\b|\btolling agreement\b"
                            # "bags a Rs 1,240-crore viaduct order", "received a letter of acceptance worth X from Y".
                            r"|\bletters? of (?:acceptance|award)\b|\bwork orders?\b|\bpreferred bidder\b"
                            r"|\bplac(?:e|es|ed|ing)\s+(?:(?:a|an|the|its|their|two|three|several|new|fresh|firm)\s+)?"
                            r"(?:[\w$₹€£¥₩₦₱₫₺₽₪.,-]+\s+){0,4}?orders?\b|\bordered\s+(?:[\w$₹€£¥₩₦₱₫₺₽₪.,-]+\s+){1,5}?from\s+(?![\d\s])"
                            r"|\b(?:won|wins?|bags?|bagged|secur(?:e|es|ed)|receiv(?:e|es|ed)|clinch(?:es|ed)?|lands?|landed|gets?|got)"
                            r"\s+(?:(?:a|an|the|its|their|two|three|several|new|fresh)\s+)?(?:[\w$₹€£¥₩₦₱₫₺₽₪.,()-]+\s+){0,6}?orders?\b"
                            r"|\b(?:will|to|would|agreed to)\s+(?:\w+\s+)?(?:supply|supplying|deliver|delivering)\b|\bsuppl(?:ies|ied)\b"
                            r"|\bagree[ds]?\s+to\s+power\b"
                            # "will sell power to X under a 15-year agreement": goods sold, not a company.
                            r"|\b(?:sell|sells|sold|selling)\s+(?:(?:the|its|all|some|their)\s+)?(?:[\w-]+\s+){0,2}?"
                            r"(?:electricity|power|energy|gas|lng|crude|oil|coal|output|ammonia|hydrogen|uranium|copper"
                            r"|lithium|cobalt|nickel|ore|concentrate|wheat|grain)(?=\s+(?:to|under|at|for)\b|\s*[.,;])"
                            # "agreed to buy electricity from X": a purchase of goods, not of a company.
                            r"|\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing))\s+(?:(?:the|its|all|some|their)\s+)?"
                            r"(?:[\w-]+\s+){0,2}?(?:electricity|power|energy|gas|lng|crude|oil|coal|output|ammonia|hydrogen"
                            r"|uranium|copper|lithium|cobalt|nickel|ore|concentrate|wheat|grain)(?=\s+(?:from|under|at|for|over|"
                            r"generated|produced|supplied)\b|\s*[.,;])"
                            # "will buy payroll and HR cloud services from X": a service bought, not a company.
                            r"|\b(?:buy|buys|bought|buying|purchas(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,4}?(?:services|software"
                            r"|subscriptions|capacity|licen[cs]es|equipment|components|materials|units|chips|processors|gpus"
                            r"|accelerators|servers|turbines|modules|panels|batteries|cells|wafers|vessels|ships|aircraft"
                            r"|jets|trains|buses|trucks|vehicles|transformers)\s+from\b"
                            r"|\b(?:lng|gas|oil|crude|power|electricity|coal|ore|uranium|ammonia|hydrogen|copper|lithium)\s+"
                            r"(?:sale and purchase|sales? and purchase|purchase|sales?|supply|offtake)\s+agreements?\b"
                            r"|\b(?:selected|chosen|picked|tapped|hired|appointed|commissioned|engaged)\s+(?:by\s+(?:\S+\s+){1,6}?)?"
                            r"to\s+(?:build|supply|provide|deliver|design|construct|develop|operate|install|manufacture|"
                            r"maintain|refurbish|upgrade)\b"),
        (DealType.PARTNERSHIP, r"\bpartner(?:ed|s|ing)? (?:with|up)\b|\bpartnering\b|\bpartnership\b|\bteam(?:ed|s)? up\b|\bjoin(?:ed|s)? hands\b|\bjoin(?:ed|s|ing)? forces\b|\balliance\b"
                               r"|\bcollaborat(?:e|ion|ing)\b|\bjoint (?:\w+ ){0,3}(?:project|development|initiative)\b"
                               r"|\b(?:form(?:ed|s|ing)?|set up|creat(?:e|ed|es|ing)|establish(?:ed|es)?|join(?:ed|s)?)\s+(?:a|an|the)\s+"
                               r"(?:\w+\s+){0,2}consortium\b|\bconsortium (?:agreement|deal)\b"
                               r"|\bcooperation agreement\b|\bcoalition\b"
                               r"|\bworking (?:closely |together )?with\b(?=[^.;]{0,80}?\bto\s+(?:develop|release|build|launch|"
                               r"design|make|produce|deploy|create)\b)"),
        # "investment group Marstrand Capital": a kind of firm, not a deal.
        (DealType.INVESTMENT, r"\binvest(?:s|ed|ing|ment|ments)?\b(?!\s+(?:group|firm|company|bank|banking|banker|bankers|arm"
                              # "kept its €14bn investment plan through 2030": a company's own spending, no deal.
                              r"|manager|management|house|vehicle|holding|holdings|committee|grade|climate|plans?|"
                              r"programmes?|programs?|budgets?|pipeline|outlays?)\b)|\bstake\b|\bcommit(?:s|ted)? \S*\s*\S+ (?:to|in|for|towards)\b|\binjects?\b"
                              # "Existing shareholder X also put in more money": a backer's money into the deal told.
                              r"|\bput(?:s|ting)?\s+in\s+(?:more|fresh|additional|new|further)\s+(?:money|capital|cash|funds)\b"
                              r"|\b(?:channel|pour|plough|plow|deploy)(?:s|ed|ing)?\b[^.;]{0,60}?\binto\b"
                              # "agreed to subscribe for C$60 million of X common shares": new shares bought from X.
                              r"|\bsubscrib(?:e|es|ed|ing)\s+for\b|\bprivate\s+placements?\b"
                              # "Y will contribute 10 billion liras in cash": a partner's money into the venture.
                              r"|\bcontribut(?:e|es|ed|ing)\s+(?:about\s+|some\s+|up\s+to\s+)?(?:[$€£¥₹₩₦₱₫₺₽₪]|[A-Z]{3}\s|\d)"),
        (DealType.OTHER, r"\bdeal\b|\bagreements?\b|\bpacts?\b|\bsigned\b|\binked\b|\bsigns\b|\binks\b"
                         # "has licensed its battery technology to X": a licence told by its verb.
                         r"|\blicen[cs](?:es|ed)\s+(?:its|their|the)\b"
                         # "announced Jan. 4 it secured $1.9 billion for the campus": money told of a deal already named.
                         r"|\bsecur(?:es|ed|ing)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|up to\s+|over\s+|more than\s+)?"
                         r"(?:[A-Z]{0,3}\$|[€£¥₹])\s?\d"),
    )
)

# The same cues for lower-cased text: matching without re.I is about twice as fast, and clauses are
# lower-cased once. Only letters outside escapes are folded, so \S and \W keep their meaning.
LOWER_CUES: tuple[tuple[DealType, re.Pattern[str]], ...] = tuple(
    (deal_type, re.compile(re.sub(r"(?<!\\)[A-Z]", lambda m: m.group().lower(), pattern.pattern)))
    for deal_type, pattern in TYPE_CUES
)

# Strongest first. Debt and loans make a raise a financing; an MoU to invest is an MoU.
PRECEDENCE = (
    DealType.GRANT, DealType.FINANCING, DealType.ACQUISITION, DealType.MERGER, DealType.MOU, DealType.JOINT_VENTURE, DealType.FUNDING_ROUND, DealType.CONTRACT, DealType.PARTNERSHIP, DealType.INVESTMENT,
    DealType.OTHER,
)

# Types that may describe one deal as an article tells more of it.
COMPATIBLE: dict[DealType, frozenset[DealType]] = {
    DealType.MOU: frozenset({DealType.INVESTMENT, DealType.PARTNERSHIP, DealType.GRANT, DealType.OTHER}),
    DealType.INVESTMENT: frozenset({DealType.MOU, DealType.PARTNERSHIP, DealType.JOINT_VENTURE, DealType.FUNDING_ROUND,
                                    DealType.OTHER}),
    DealType.PARTNERSHIP: frozenset({DealType.MOU, DealType.INVESTMENT, DealType.JOINT_VENTURE, DealType.OTHER,
                                     DealType.CONTRACT}),
    DealType.JOINT_VENTURE: frozenset({DealType.PARTNERSHIP, DealType.INVESTMENT, DealType.OTHER}),
    DealType.FUNDING_ROUND: frozenset({DealType.INVESTMENT, DealType.OTHER}),
    DealType.GRANT: frozenset({DealType.MOU, DealType.OTHER}),
    DealType.CONTRACT: frozenset({DealType.PARTNERSHIP, DealType.OTHER}),
    DealType.ACQUISITION: frozenset({DealType.OTHER, DealType.MERGER, DealType.INVESTMENT}),
    DealType.MERGER: frozenset({DealType.ACQUISITION, DealType.OTHER}),
    DealType.FINANCING: frozenset({DealType.OTHER}),
    DealType.OTHER: frozenset(DealType),
}

# A clause that only weighs a deal is no deal: interest, talks, a regulator's look, a law.
HEDGES = re.compile(
    r"\b(?:consider(?:s|ing)?|explor(?:e|es|ing)|open to|in talks|expressed (?:\w+ )?interest|interested in|"
    r"could|might|mulls?|weighs?|eyes|eyeing|rumou?r|into law|declined to comment|did ?n[o']t (?:immediately )?respond|"
    r"opportunit(?:y|ies)|looking to|seeks? to|exclusivity|aims? to attract|plan(?:s|ning|ned)? to (?:raise|sell|buy|acquire|list|float|divest|award|sign)|intends? to (?:raise|sell|buy|acquire)"
    # What a rule or a market would force, a fine, a bidder's offer in a tender: no deal made.
    r"|(?:will|would|may|might)\s+(?:\w+\s+)?(?:need|have)\s+to"
    # What a firm hoped or wanted to do, and a page's call to subscribe: no deal made.
    r"|(?:had\s+)?(?:hoped|hopes|hoping|wanted|wants)\s+to\s+(?:raise|sell|buy|acquire|secure|sign|win)\b"
    r"|^\W*(?:subscribe|sign\s+up|register)\b"
    # A forecast of what a country or a sector will need: "estimates that Brazil will need R$190 billion of investment".
    r"|\b(?:estimat(?:es|ed|ing)|forecasts?|forecasted|predicts?|projects|projected)\s+(?:that\s+)?[^.;]{0,60}?\b(?:will|would)\s+"
    r"(?:\w+\s+)?need\b|fined|penalt(?:y|ies)|(?:had|has|have)\s+offered\s+to"
    r"|tender\s+for"
    # Talks under way, and a supplier's long standing: "is negotiating a PPA with X", "has supplied Y since the 1990s".
    r"|\b(?:is|are|was|were|been)\s+(?:still\s+|also\s+|now\s+)?negotiating\b"
    r"|\b(?:has|have|had)\s+(?:long\s+)?(?:supplied|served|worked\s+with)\b[^.;]{0,80}?\bsince\b"
    # A strategy or programme to sell assets is a purpose, not a sale: "a strategy, announced in 2024, to divest".
    r"|\b(?:strateg(?:y|ies)|programmes?|programs?|drive|push)\b[^.;]{0,50}?\bto\s+(?:sell|divest|dispose|exit|buy|acquire)\b"
    # Talks denied or only possible, and what a company does with its own shares, are no deal.
    r"|(?:not|no longer) in (?:\w+ )?(?:talks|discussions|negotiations)|in (?:advanced |early |preliminary |exclusive )?(?:talks|discussions|negotiations)"
    # An offer or approach received is not yet a deal.
    r"|receiv(?:ed|es|e) (?:an? )?(?:[\w$€£.,-]+ ){0,4}?(?:offer|approach|proposal|bid)"
    r"|den(?:y|ies|ied)|(?:possible|potential) (?:merger|deal|acquisition|takeover|sale|bid|offer|combination|transaction)"
    # "X has been the subject of several takeover bids by A and B": offers made, none agreed.
    r"|subject of (?:\w+ ){0,3}(?:bids|offers|approaches|proposals)"
    # An approach is not yet a deal: "X approached Y about ...", "made an approach".
    r"|approach(?:ed|es)? (?:[A-Z][\w.-]* ){1,4}about"
    # A report that a deal is near is not the deal: "was close to buying a stake", "nearing a deal".
    r"|(?:close|closer|near) to (?:buying|acquiring|selling|buying|investing|agreeing|signing|clinching|sealing|a deal|an agreement)"
    r"|nearing (?:a |an )?(?:deal|agreement)"
    # What the money of a deal told will do: "Proceeds will refinance a construction loan".
    r"|proceeds\s+(?:(?:of|from)\s+the\s+\w+\s+)?(?:will|would|are\s+to|is\s+to)"
    r"|(?:use|uses|used|using)\s+(?:(?:part|some|most|all)\s+of\s+)?the\s+proceeds"
    r"|dividends?|buy(?:s|ing)? back|bought back|buy-?backs?|repurchas(?:e|es|ed|ing)|own shares"
    # Shares bought from whoever sold on the exchange: a holding built, no counterparty bound.
    r"|(?:bought|acquired|purchased|built up|amassed)\s+(?:on|in|through|via)\s+the\s+(?:open\s+)?market"
    # "The remaining 51% is held by X": who owns what, not a transaction.
    r"|(?:is|are)\s+(?:currently\s+)?(?:held|owned)\s+by"
    # The owners' pact that comes with a sale: how a company is run, not a deal of its own.
    r"|shareholders?['’]?\s+agreement"
    # A listing sells shares to the market, not to a party: no deal.
    r"|initial public offering|IPO|(?:stock )?market debut|listing on|flotation|offer for sale|fresh issue|price band)\b",
    re.I,
)

# Clauses about what a party owns or earns rather than a transaction.
NOT_A_DEAL = re.compile(
    r"\b(?:manages?|managing|assets under management|market (?:value|cap)|valued at|revenue|profit|"
    r"headcount|employees|portfolio"
    # "It has already invested in X and Y": holdings a firm has, told without a sum, no deal of the day.
    r"|(?:has|have)\s+(?:already|previously)\s+(?:invested|backed)\s+in)\b",
    re.I,
)

# A deal that did not happen: a bid rejected, blocked, dropped or called off is no deal.
# Headlines tell it in the present ("walks away from", "calls off"); "blocks" alone is too often oil blocks.
FAILED = re.compile(r"\b(?:blocked|reject(?:s|ed)|rebuff(?:s|ed)|abandon(?:ed|s)|withdr(?:aws|ew|awn)|walk(?:s|ed)? away|"
                    r"call(?:s|ed) off|scrap(?:s|ped)|collaps(?:e|es|ed)|veto(?:es|ed)|prohibited|f[ae]ll(?:s)? through|terminated|"
                    r"(?:ended|ends|br(?:eaks|oke) off|broken off|end) (?:the |its |their )?"
                    r"(?:\w+ )?(?:talks|discussions|negotiations)|drop(?:s|ped) (?:its |the |a |their )?(?:\w+ )?(?:bid|offer|pursuit)"
                    r"|not to pursue|lapsed"
                    # Talks that ended with nothing signed, and an agreement denied: "has not entered into any agreement".
                    r"|(?:ended|ending|ends|end)\s+without\s+(?:an?\s+|any\s+)?(?:agreement|deal)|failed\s+to\s+agree"
                    r"|unable\s+to\s+(?:reach|agree)|(?:decided|decides|agreed)\s+not\s+to\s+proceed"
                    r"|(?:has|have|had|did)\s+not\s+(?:entered|enter|signed|sign|agreed|agree)\b"
                    # "Lima court halts port concession tender", "blocks X's bid for Y": stopped by a court or a regulator.
                    r"|(?:suspend|halt)(?:s|ed)?\s+(?:the\s+)?(?:\S+\s+){0,6}?(?:tender|auction|sale|deal|bid|process|takeover)"
                    r"|blocks\s+(?:\S+\s+){0,5}?(?:bid|takeover|deal|merger|acquisition|offer|purchase)"
                    # What would have happened under a proposal that lapsed: "shareholders would have received ...".
                    r"|would have"
                    # An IPO's anchor book: shares sold to the market before it opens.
                    r"|anchor investors)\b", re.I)

# An asset manager closing a fund of its own: investors unnamed, no deal between parties.
FUND_CLOSE = re.compile(r"\bclos(?:ed|es|ing)\s+(?:a|its|the)\s+(?:\S+\s+){0,5}fund\b", re.I)

# Words that, shortly before a name, say it is not a party: sources, advisers, beneficiaries, parents.
BLOCKERS = re.compile(
    r"\b(?:according to|tied to|used by|used for|for use by|reported by|told|per|advis(?:[eo]rs?|ory)(?: to)?|counsel(?: to)?|"
    r"advised by|advising|law firms?|except|excluding|other than|apart from|but not|approvals? (?:from|by|of)|approved by|"
    r"(?:investors|companies|firms|businesses|delegations?|buyers|visitors|participants) from|"
    # Whoever counted the market is its source, not a party: "according to data compiled by X".
    r"compiled by|tallied by|tracked by|(?-i:data|figures|estimates?|analysis) (?:from|by)|"
    r"clearance from|(?:filed|lodged|submitted) (?:with|to)|reviews? (?:from|by)|sign-?off (?:from|by)|consent (?:from|of)|scrutiny (?:from|by)|"
    r"division of|unit of|subsidiary of|arm of|owned by|parent|on behalf of|in the presence of|(?:at|on)(?=\s+(?:the\s+)?$)|"
    r"sidelines of|outskirts of|suburbs? of|(?<![\w-])near|"
    # "signed a supply deal with X, a contract that Y said would be honoured": Y speaks of the deal.
    r"(?:contract|deal|agreement|transaction|pact)\s+(?:that|which)|"
    r"certified by|(?:founded|set up|started|established|launched)(?: in \d{4})? by|such as|including customers|customers?|clients?|rivals?|competitors?|regulators?|watchdogs?|"
    r"to serve|to supply|for customers|than|versus|vs\.?|from rivals?|known as|dubbed|(?<!venture )(?<!company )(?<!firm )called|"
    r"to (?:build|set up|develop|establish|construct|create|expand|operate|launch|run|deploy|open|replace|upgrade|"
    r"install|moderni[sz]e|supply|provide|improve|cover|pay for|serve)\s+(?:\S+\s+){0,6})"
    # A whole word: "per" is not the start of "Peru's", nor "than" of "Thanh".
    r"(?:(?<!\w)|\b)\s*(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}$",
    re.I,
)

# "Jane Roe, co-founder of payments company X": the company a person works for, named after the person.
WORKS_AT = re.compile(r",\s+(?:the\s+|a\s+|its\s+)?(?:former\s+|current\s+)?(?:(?:co-?)?founder|chief\s+(?:[\w-]+\s+){0,2}officer"
                       r"|chair(?:man|woman)?|president|managing\s+director|director|partner|head|CEO|CFO|CTO|COO)"
                       r"\s+(?:at|of)\s+(?:[\w'’-]+\s+){0,5}$", re.I)

# Words after a name that make it an adviser: "X, which acted as financial adviser", "Y is advising the seller".
ADVISER_AFTER = re.compile(
    r"^(?:(?:,|,?\s+and|\s+&)\s+[A-Z][\w&.'’-]{0,30}(?:\s[A-Z&][\w&.'’-]{0,30}){0,4}){0,6}\s*(?:,\s*(?:which|who)\s+)?(?:(?:has|had|have)\s+)?(?:acted|acts|acting|is acting|was acting|were acting|served|"
    r"serves|is|was|are|were)\s+(?:also\s+)?as\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:advis[eo]rs?|counsel|legal)\b|^\s*(?:,\s*(?:which|who)\s+)?(?:advised|advises|is advising|was advising)\b",
    re.I,
)

# Words after a name that make it the source of a report, not a party ("..., Bloomberg reported").
REPORTERS = re.compile(r"^\s*(?:'s\s+)?(?:reported|reports|said|says|told|noted|estimates?|data|analysts?|declined)\b", re.I)

# A clause that opens on the deal itself ("The deal", "The overall investment") continues the last deal.
DEAL_ANAPHOR = re.compile(
    r"^\W*(?:the|this|that|its|their)\s+(?:[\w:.%/-]+\s+){0,2}(?:deal|transaction|agreement|investment|acquisition|financing|"
    r"package|facility|loan|round|venture|project|mou|memorandum|contract|pact|partnership|fund|funding|takeover|"
    r"merger|initiative|collaboration|offering|consideration|purchase price|price(?!\s+of\b)|sales?|disposals?|ppa|psa|spa"
    r"|extension|top-up|raise|series\s+[a-h]"
    # "The stake is being sold by X": the stake just told.
    r"|stake(?=\s+(?:is|was|will)\b)|licen[cs]e|sukuk|bonds?|notes|issue)\b",
    re.I,
)

# Nouns that stand for a party already named: "the firm", "the two parties".
PARTY_ANAPHOR = re.compile(
    r"(?:\b(?:the|both)|\b[A-Z][a-z]+['’]s)\s+(?:two\s+)?(?:[\w-]+\s+){0,3}?(?P<noun>giant|chipmaker|drugmaker|carmaker|"
    r"steelmaker|shipbuilder|shipowner|maker|utility|carrier|insurer|conglomerate|"
    r"manufacturer|miner|producer|provider|retailer|automaker|designer|supplier|owner|landlord|lessor|firm|company|group|startup|start-up|developer|bank|lender|investor|fund|"
    r"delegation|parties|companies|sides|partners|government|state|asset manager|operator|buyer|acquirer|"
    r"department|ministry|agency|authority)\b"
    # "In 2024 it signed ...", "Earlier, they agreed ...": a pronoun after a short opening phrase of time.
    r"|^\W*(?:(?:in|during|by)\s+(?:(?:[A-Za-z]+\s+){0,2}\d{4}|[A-Z][a-z]+(?:\s+\d{4})?)\s*,?\s+|(?:earlier|later|separately|previously|"
    r"meanwhile|also|(?:earlier|later)?\s*(?:this|that|last)\s+(?:week|month|year)|on\s+[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)"
    # "In July we closed the acquisition of X": the company that speaks, in a call's transcript or a letter.
    r"\s*,?\s+)?(?P<pron>it|they|we)\b"
    # "Its largest round was a $85 million Series C led by X": the owner of the deal is the one told before.
    # (Read only up to the clause's cue, the deal's own noun.)
    r"|^\W*(?P<poss>its|their|our)\s+(?:[\w$€£¥.,-]+\s+){0,5}$",
    re.I,
)

# "The companies include X, Y and Z": a list that names the parties a deal left generic.
LIST_INTRO = re.compile(
    r"(?:^\W*(?:the|these|those)|\b(?:other|new|existing|its|their)|\band\s+(?:the\s+)?other)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:companies|firms|borrowers|lenders|banks|investors|partners|buyers|"
    r"sellers|participants|backers|consortium|syndicate|group of investors)"
    # "The consortium, which also includes X and Y, will pay ...": the members of the side just told.
    r"(?:,\s+which\s+(?:also\s+)?(?=includes?\b|included\b|comprises\b))?"
    r"\s*(?:include|included|includes|are|were|comprises|comprised|consists of|is made up of)\b",
    re.I,
)

# "X, Y and Z acted as mandated lead arrangers", "W was a participating investor, as were V and U": names
# that join the financing or round just told on its money side.
SYNDICATE = re.compile(
    r"\b(?:act(?:ed|s|ing)?|serv(?:ed|es|ing)|w(?:as|ere)|is|are|join(?:ed|s)?|came\s+in)\s+(?:also\s+)?as\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?:joint|global|mandated|lead|senior|co|initial|original|sole|other|participating)[\s-]+){0,4}"
    r"(?:arrangers?|bookrunners?|book-runners?|underwriters?|lenders?|coordinators?|co-ordinators?|financiers?)\b"
    r"|\b(?:w(?:as|ere)|is|are)\s+(?:also\s+)?(?:a|an|the|one of the|among the)\s+(?:joint\s+)?(?:co-?)?(?:lenders?|arrangers?|"
    r"financiers?|underwriters?|agents?)\b"
    r"|\b(?:act(?:ed|s|ing)?|serv(?:ed|es|ing))\s+as\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?agent\b"
    # "The facility was arranged by A and B as mandated lead arrangers, with C also participating."
    r"|\bas\s+(?:the\s+)?(?:joint|global|mandated|lead|senior|initial|original|sole)[\s-]+(?:(?:lead|joint|senior)[\s-]+)?"
    r"(?:arrangers?|bookrunners?|lenders?|underwriters?)\b"
    # "were joint global coordinators and bookrunners": the roles with no article before them.
    r"|\b(?:w(?:as|ere)|is|are)\s+(?:the\s+)?(?:(?:joint|global|mandated|lead|senior|co|sole|other|participating)[\s-]+){1,4}"
    r"(?:arrangers?|bookrunners?|book-runners?|coordinators?|co-ordinators?|underwriters?|lenders?|managers?)\b"
    r"|\b(?:w(?:as|ere)|is|are)\s+(?:an?\s+|also\s+|among\s+the\s+)?(?:participating|new|existing|other|additional|"
    r"co-|minority|anchor|strategic)[\s-]?investors?\b"
    r"|\b(?:also|too)\s+(?:took part|participated|joined the (?:round|financing|raise))\b",
    re.I,
)
# Words that make a name in such a sentence an adviser, which is no party.
ADVISER = re.compile(r"\b(?:advis[eo]rs?|counsel|legal|law firm|auditors?)\b", re.I)

SECTOR_CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.I)) for name, pattern in (
        ("AI infrastructure", r"\bAI[- ]infrastructure\b|\bAI (?:data cent|compute|campus|hub)"),
        ("data centers", r"\bdata[- ]?cent(?:er|re)s?\b|\bhyperscale\b|\bcolocation\b"),
        ("artificial intelligence", r"\bartificial intelligence\b|\bAI\b"),
        ("cloud", r"\bcloud\b"),
        ("semiconductors", r"\bsemiconductors?\b|\bchips?\b|\bfoundry\b|\bwafers?\b|\bDRAM\b"),
        ("renewable energy", r"\brenewable(?:s| energy| power)\b|\bclean energy\b|\bgreen energy\b"),
        ("solar", r"\bsolar\b"),
        ("wind power", r"\bwind (?:power|farms?|turbines?)\b|\boffshore wind\b"),
        ("hydrogen", r"\bhydrogen\b"),
        ("nuclear", r"\bnuclear\b|\bSMRs?\b"),
        ("battery storage", r"\bbattery storage\b|\bbatteries\b"),
        ("oil and gas", r"\boil\b|\bgas\b|\bLNG\b"),
        ("telecommunications", r"\btelecom\w*\b|\b5G\b|\bfib(?:er|re) networks?\b"),
        ("digital infrastructure", r"\bdigital infrastructure\b"),
        ("manufacturing", r"\bmanufactur\w+\b"),
        ("defence", r"\bdefen[cs]e\b|\bweapons?\b"),
        ("logistics", r"\blogistics\b"),
    )
)


_BOND = re.compile(r"\b(?:(?:euro)?bonds?|notes|sukuk|debentures?|commercial paper)\b", re.I)
_LOAN = re.compile(r"\b(?:loans?|lent|lends?|lending|facilit(?:y|ies)|credit line|borrow\w*)\b", re.I)
# Who places a bond for its issuer: banks named so on a bond are no lenders (on a loan they are).
BOND_PLACERS = re.compile(r"\b(?:bookrunners?|book-runners?|coordinators?|co-ordinators?|underwriters?|dealers?|managers?)\b",
                          re.I)


def is_bond(told: str) -> bool:
    """Whether a financing told in these words is a bond or notes sold to investors, not a loan or facility."""
    return bool(_BOND.search(told)) and not _LOAN.search(told)


# "The deal values X at VND 8.9 trillion" after a 35% stake: the whole company's worth, not the price paid.
_VALUES_AT = re.compile(r"\bvalu(?:es|ed|ing)\s+(?:[\w'’.-]+\s+){1,5}?at\b", re.I)
_PART_STAKE = re.compile(r"\b\d{1,2}(?:\.\d+)?\s*(?:%|per\s?cent|percent)\s+(?:\w+\s+)?stake\b", re.I)


def valuation_of_part(clause: str, told: list[str]) -> bool:
    """Whether `clause` values a whole company that the deal told in `told` buys only a part of."""
    return bool(_VALUES_AT.search(clause)) and any(_PART_STAKE.search(t) for t in told)
