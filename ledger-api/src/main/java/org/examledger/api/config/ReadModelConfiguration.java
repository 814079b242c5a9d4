package org.examledger.api.config;

import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.examiners.ExaminerRoster;
import org.examledger.projections.examiners.ExaminerRosterProjection;
import org.examledger.projections.statistics.StationStatistics;
import org.examledger.projections.statistics.StationStatisticsProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The examiner roster and the station statistics: tracking projections and their readers. */
@Configuration(proxyBeanMethods = false)
public class ReadModelConfiguration {

  @Bean
  public ExaminerRosterProjection examinerRosterProjection(JdbcOperations jdbc) {
    return new ExaminerRosterProjection(jdbc);
  }

  @Bean
  public ExaminerRoster examinerRoster(JdbcClient jdbc, ComplaintViews complaints) {
    return new ExaminerRoster(jdbc, complaints);
  }

  @Bean
  public StationStatisticsProjection stationStatisticsProjection(JdbcOperations jdbc) {
    return new StationStatisticsProjection(jdbc);
  }

  @Bean
  public StationStatistics stationStatistics(JdbcClient jdbc, ComplaintViews complaints) {
    return new StationStatistics(jdbc, complaints);
  }
}
