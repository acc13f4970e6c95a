/// Which teams have the skills an incident needs, looked up.
///
/// Dispatch asks this for every available team and every queued incident
/// each time it runs, and a backlog runs to thousands of incidents; the
/// answer depends only on the incident's skill list and the team's spec,
/// and a county's incidents need a handful of distinct lists. So each
/// list is kept once with a row of answers per team, filled as teams are
/// added and redone when a team is redefined.
extension DispatchCentre {
  /// The index of `skills` among the lists seen so far, adding it.
  func skillList(of skills: [String]) -> Int {
    if let known = skillListIndex[skills] { return known }
    let list = skillLists.count
    skillLists.append(skills)
    skillListIndex[skills] = list
    teamsServing.append([])
    return list
  }

  /// Whether team `team` has every skill incident `incident` needs.
  func canServe(team: Int, incident: Int) -> Bool {
    let list = skillListOfIncident[incident]
    while teamsServing[list].count <= team {
      let next = teamsServing[list].count
      teamsServing[list].append(teams[next].spec.canServe(skillLists[list]))
    }
    return teamsServing[list][team]
  }

  /// Answers again for team `team`, whose spec changed.
  func skillsChanged(team: Int) {
    for list in teamsServing.indices where team < teamsServing[list].count {
      teamsServing[list][team] = teams[team].spec.canServe(skillLists[list])
    }
  }
}
